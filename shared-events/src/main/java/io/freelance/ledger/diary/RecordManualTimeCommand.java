package io.freelance.ledger.diary;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The freelancer adds manual time: every cell from {@code from} up to, not including, {@code to}, all
 * in one week, with one memo. Repeating it changes nothing; cells already taken by other time are refused.
 */
public record RecordManualTimeCommand(String contractId, Instant from, Instant to, String memo) {

    @TargetAggregateIdentifier
    public String workDiaryId() {
        return WorkDiaryId.forCell(contractId, from);
    }
}
