package io.freelance.ledger.query.diary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The input objects of the diary mutations, as the schema declares them. */
public final class DiaryInputs {

    private DiaryInputs() {
    }

    public record RecordTrackedSegmentInput(String contractId, OffsetDateTime cellDateTime, List<MinuteActivityInput> minutes,
                                            String memo, String activityLabel, String activeWindowTitle, String screenshotId) {
    }

    /** Boxed: a null count is refused by the schema, and a missing one must not read as zero. */
    public record MinuteActivityInput(Integer keyboard, Integer mouse) {
    }

    public record RecordManualTimeInput(String contractId, OffsetDateTime from, OffsetDateTime to, String memo) {
    }

    public record EditSegmentMemoInput(String contractId, OffsetDateTime cellDateTime, String memo) {
    }

    public record DeleteSegmentInput(String contractId, OffsetDateTime cellDateTime) {
    }

    public record DeleteScreenshotInput(String contractId, OffsetDateTime cellDateTime, String screenshotId) {
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
