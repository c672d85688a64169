package io.freelance.ledger.diary;

import java.time.Instant;
import java.util.Objects;

/**
 * What protection looks at in one recorded cell. A manual cell has no screenshot and no activity.
 *
 * @param activityLevel minutes with any input, 0 to 10 ({@link MinuteActivity#activityLevel})
 */
public record DiaryCell(Instant cellDateTime, boolean manual, boolean hasScreenshot, boolean hasMemo, int activityLevel) {

    public DiaryCell {
        Objects.requireNonNull(cellDateTime, "cellDateTime");
        if (activityLevel < 0 || activityLevel > DiaryInput.MINUTES_PER_CELL) {
            throw new IllegalArgumentException("An activity level is from 0 to 10, not " + activityLevel);
        }
    }

    public static DiaryCell of(TrackedSegmentRecordedEvent segment) {
        return new DiaryCell(segment.cellDateTime(), false, segment.screenshotHash() != null, hasText(segment.memo()),
                MinuteActivity.activityLevel(segment.minutes()));
    }

    public static DiaryCell manual(Instant cellDateTime, String memo) {
        return new DiaryCell(cellDateTime, true, false, hasText(memo), 0);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
