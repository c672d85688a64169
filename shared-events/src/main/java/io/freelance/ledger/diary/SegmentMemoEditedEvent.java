package io.freelance.ledger.diary;

import java.time.Instant;

public record SegmentMemoEditedEvent(
        String workDiaryId,
        String contractId,
        Instant cellDateTime,
        String memo,
        Instant editedAt) {
}
