package io.freelance.ledger.diary;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The freelancer deletes a tracked cell's screenshot; the cell goes with it (DESIGN §4: deleting a
 * screenshot deletes its segment), under the same rules as {@link DeleteSegmentCommand}.
 * {@code screenshotHash} must be the cell's, so a stale screen cannot delete a cell recorded since.
 */
public record DeleteScreenshotCommand(String contractId, Instant cellDateTime, String screenshotHash) {

    @TargetAggregateIdentifier
    public String workDiaryId() {
        return WorkDiaryId.forCell(contractId, cellDateTime);
    }
}
