package io.freelance.ledger.diary;

import java.time.Instant;

/** Manual cells from {@code from} up to, not including, {@code to} ({@link DiaryInput#cellsBetween}), all with one memo. */
public record ManualTimeRecordedEvent(
        String workDiaryId,
        String contractId,
        String freelancerId,
        Instant from,
        Instant to,
        String memo,
        Instant recordedAt) {
}
