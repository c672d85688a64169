package io.freelance.ledger.query.diary;

import io.freelance.ledger.diary.UnprotectedReason;
import java.time.Instant;
import java.util.List;

/**
 * One cell as the review screens show it, with Upwork's field names. {@code protected} is a Java keyword,
 * so the component is {@code protectedCell} and GraphQL reads it through {@link #getProtected()}.
 *
 * @param screenshotImageUrl relative paths to the screenshot download endpoints; null without a screenshot
 */
public record WorkDiaryTimeCell(
        Instant cellDateTime,
        int activityLevel,
        int keyboardEventsCount,
        int mouseEventsCount,
        String memo,
        boolean manual,
        boolean overtime,
        boolean hasScreenshot,
        String screenshotId,
        String screenshotImageUrl,
        String screenshotImageUrlMedium,
        String screenshotImageThumbnail,
        String activeWindowTitle,
        String activityLabel,
        List<CellMinute> minutes,
        boolean protectedCell,
        List<UnprotectedReason> unprotectedReasons,
        Instant recordedAt) {

    public WorkDiaryTimeCell {
        minutes = List.copyOf(minutes);
        unprotectedReasons = List.copyOf(unprotectedReasons);
    }

    public boolean getProtected() {
        return protectedCell;
    }

    /** One minute of a tracked cell: Upwork's {@code minutes { time keyboard mouse }}. */
    public record CellMinute(Instant time, int keyboard, int mouse) {
    }
}
