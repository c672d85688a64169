package io.freelance.ledger.diary;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The freelancer rewrites the memo of a recorded cell, tracked or manual, while its week is open. */
public record EditSegmentMemoCommand(String contractId, Instant cellDateTime, String memo) {

    @TargetAggregateIdentifier
    public String workDiaryId() {
        return WorkDiaryId.forCell(contractId, cellDateTime);
    }
}
