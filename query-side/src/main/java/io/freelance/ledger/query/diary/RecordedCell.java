package io.freelance.ledger.query.diary;

import io.freelance.ledger.diary.DiaryCell;
import io.freelance.ledger.diary.MinuteActivity;
import java.time.Instant;
import java.util.List;

/**
 * One cell of a Work Diary as recorded: tracked (the tracker's minutes, labels and screenshot) or manual
 * (a memo only). Whether it is overtime or protected is not kept: that depends on the whole week.
 *
 * @param minutes        the ten minutes' counts; empty for manual time
 * @param screenshotHash null for manual time and for a tracked cell without a screenshot
 */
public record RecordedCell(Instant cellDateTime, boolean manual, List<MinuteActivity> minutes, String memo,
                           String activityLabel, String activeWindowTitle, String screenshotHash, Instant recordedAt) {

    public RecordedCell {
        minutes = List.copyOf(minutes);
    }

    static RecordedCell manual(Instant cellDateTime, String memo, Instant recordedAt) {
        return new RecordedCell(cellDateTime, true, List.of(), memo, null, null, null, recordedAt);
    }

    RecordedCell withMemo(String newMemo) {
        return new RecordedCell(cellDateTime, manual, minutes, newMemo, activityLabel, activeWindowTitle, screenshotHash,
                recordedAt);
    }

    /** What the one protection rule looks at, the same way the command side's readers see it. */
    public DiaryCell protectionInput() {
        if (manual) {
            return DiaryCell.manual(cellDateTime, memo);
        }
        return new DiaryCell(cellDateTime, false, screenshotHash != null, memo != null && !memo.isBlank(), activityLevel());
    }

    public int activityLevel() {
        return MinuteActivity.activityLevel(minutes);
    }
}
