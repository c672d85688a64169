package io.freelance.ledger.command.diary;

import io.freelance.ledger.diary.DiaryCell;
import io.freelance.ledger.diary.MinuteActivity;
import java.time.Instant;

/**
 * A cell of the diary: tracked (with the segment as first recorded) or manual. {@code recordedMemo} is
 * the memo it was recorded with, which a retry repeats; {@code memo} is the current one, after edits.
 */
record RecordedCell(TrackedSegment tracked, String recordedMemo, String memo) {

    static RecordedCell tracked(TrackedSegment segment) {
        return new RecordedCell(segment, segment.memo(), segment.memo());
    }

    static RecordedCell manual(String memo) {
        return new RecordedCell(null, memo, memo);
    }

    boolean isManual() {
        return tracked == null;
    }

    /** Null for manual time and for a tracked cell without screenshot. */
    String screenshotHash() {
        return tracked == null ? null : tracked.screenshotHash();
    }

    RecordedCell withMemo(String newMemo) {
        return new RecordedCell(tracked, recordedMemo, newMemo);
    }

    boolean isManualWith(String memo) {
        return isManual() && recordedMemo.equals(memo);
    }

    boolean isTracked(TrackedSegment segment) {
        return segment.equals(tracked);
    }

    /** What protection looks at in this cell, with its memo as edited. */
    DiaryCell asDiaryCell(Instant cellDateTime) {
        if (isManual()) {
            return DiaryCell.manual(cellDateTime, memo);
        }
        return new DiaryCell(cellDateTime, false, tracked.screenshotHash() != null, memo != null && !memo.isBlank(),
                MinuteActivity.activityLevel(tracked.minutes()));
    }
}
