package io.freelance.ledger.diary;

import java.time.Instant;

/** A cell is no longer recorded. {@code screenshotHash} is the screenshot it referred to, null for none or manual time. */
public record SegmentDeletedEvent(
        String workDiaryId,
        String contractId,
        Instant cellDateTime,
        SegmentDeletionReason reason,
        String screenshotHash,
        Instant deletedAt) {
}
