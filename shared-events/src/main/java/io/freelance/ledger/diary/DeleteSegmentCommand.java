package io.freelance.ledger.diary;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The freelancer deletes a recorded cell, tracked or manual, while its week is open: it is not billed. */
public record DeleteSegmentCommand(String contractId, Instant cellDateTime) {

    @TargetAggregateIdentifier
    public String workDiaryId() {
        return WorkDiaryId.forCell(contractId, cellDateTime);
    }
}
