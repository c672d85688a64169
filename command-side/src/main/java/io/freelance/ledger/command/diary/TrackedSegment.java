package io.freelance.ledger.command.diary;

import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.RecordTrackedSegmentCommand;
import io.freelance.ledger.diary.TrackedSegmentRecordedEvent;
import java.util.List;

/**
 * A tracked segment as recorded: what a retry must repeat exactly to be recognised as one. Built from a
 * command only through the input rules, so text is compared as it is stored (stripped, hash in lower case).
 */
record TrackedSegment(List<MinuteActivity> minutes, String memo, String activityLabel, String activeWindowTitle,
                      String screenshotHash) {

    static TrackedSegment of(RecordTrackedSegmentCommand command) {
        return new TrackedSegment(
                DiaryInput.minutes("minutes", command.minutes()),
                DiaryInput.memo("memo", command.memo()),
                DiaryInput.activityLabel("activityLabel", command.activityLabel()),
                DiaryInput.activeWindowTitle("activeWindowTitle", command.activeWindowTitle()),
                DiaryInput.screenshotHash("screenshotHash", command.screenshotHash()));
    }

    static TrackedSegment of(TrackedSegmentRecordedEvent event) {
        return new TrackedSegment(event.minutes(), event.memo(), event.activityLabel(), event.activeWindowTitle(),
                event.screenshotHash());
    }
}
