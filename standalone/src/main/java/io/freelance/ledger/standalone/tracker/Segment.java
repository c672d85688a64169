package io.freelance.ledger.standalone.tracker;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One cell as the tracker sends it to {@code recordTrackedSegment}. */
public record Segment(String contractId, Instant cellDateTime, List<MinuteActivity> minutes, String memo, String activityLabel,
               String activeWindowTitle, String screenshotId) {

    /** Minutes with any input, 0 to 10: the diary's activity level. */
    public int activityLevel() {
        return (int) minutes.stream().filter(MinuteActivity::active).count();
    }

    Segment withScreenshot(String id) {
        return new Segment(contractId, cellDateTime, minutes, memo, activityLabel, activeWindowTitle, id);
    }

    Map<String, Object> asInput() {
        Map<String, Object> input = new HashMap<>();
        input.put("contractId", contractId);
        input.put("cellDateTime", cellDateTime.toString());
        input.put("minutes", minutes.stream().map(MinuteActivity::asInput).toList());
        input.put("memo", memo);
        input.put("activityLabel", activityLabel);
        input.put("activeWindowTitle", activeWindowTitle);
        input.put("screenshotId", screenshotId);
        return input;
    }
}
