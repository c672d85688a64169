package io.freelance.ledger.diary;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The freelancer's tracker records the 10-minute cell starting at {@code cellDateTime}. Recording is
 * idempotent on the contract and cell: the same segment again changes nothing and is answered like the
 * first; a different one at a taken cell is refused. {@code screenshotHash} names a screenshot already
 * stored (the API checks), or is null when the tracker took none.
 */
public record RecordTrackedSegmentCommand(
        String contractId,
        Instant cellDateTime,
        List<MinuteActivity> minutes,
        String memo,
        String activityLabel,
        String activeWindowTitle,
        String screenshotHash) {

    /** The diary of the cell's week; sent there so that one week's stream holds it. */
    @TargetAggregateIdentifier
    public String workDiaryId() {
        return WorkDiaryId.forCell(contractId, cellDateTime);
    }
}
