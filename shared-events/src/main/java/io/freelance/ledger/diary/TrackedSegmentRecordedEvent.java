package io.freelance.ledger.diary;

import java.time.Instant;
import java.util.List;

/**
 * A tracked cell as the tracker sent it. Its activity level and whether it is protected or overtime are
 * not recorded: they follow from the minutes ({@link MinuteActivity#activityLevel}) and from the whole
 * week ({@link CellProtection}), and an earlier cell recorded later can make this one overtime.
 */
public record TrackedSegmentRecordedEvent(
        String workDiaryId,
        String contractId,
        String freelancerId,
        Instant cellDateTime,
        List<MinuteActivity> minutes,
        String memo,
        String activityLabel,
        String activeWindowTitle,
        String screenshotHash,
        Instant recordedAt) {
}
