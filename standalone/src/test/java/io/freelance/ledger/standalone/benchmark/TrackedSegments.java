package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A tracker's {@code recordTrackedSegment}, and what makes its answer right. */
final class TrackedSegments {

    /** What a tracker needs back: whether the segment shows yet, and the cell as recorded. */
    static final String RECORD = """
            mutation($input: RecordTrackedSegmentInput!) {
              recordTrackedSegment(input: $input) { contractId pending workDiaryTimeCells { cellDateTime activityLevel protected } }
            }""";

    /** Ten patterns of per-minute counts, from idle minutes to busy ones, built once. */
    private static final List<List<Map<String, Object>>> MINUTES = minutePatterns();

    private TrackedSegments() {
    }

    static Map<String, Object> input(String contractId, Instant cell, String screenshotId, int index) {
        Map<String, Object> input = new HashMap<>();
        input.put("contractId", contractId);
        input.put("cellDateTime", cell.toString());
        input.put("minutes", MINUTES.get(index % MINUTES.size()));
        input.put("memo", "Checkout flow: payment form validation and tests");
        input.put("activityLabel", "Coding");
        input.put("activeWindowTitle", "CheckoutForm.tsx - shop - Visual Studio Code");
        input.put("screenshotId", screenshotId);
        return input;
    }

    /** Null for HTTP 200 without errors, shown (not pending), and the cell that was sent; otherwise what was wrong. */
    static String wrong(Reply reply, String contractId, Instant cell) {
        String unanswered = WrongAnswers.unanswered(reply);
        if (unanswered != null) {
            return unanswered;
        }
        JsonNode payload = reply.data().path("recordTrackedSegment");
        if (payload.path("pending").asBoolean(true)) {
            return WrongAnswers.PENDING;
        }
        JsonNode cells = payload.path("workDiaryTimeCells");
        boolean theCellSent = contractId.equals(payload.path("contractId").asString()) && cells.size() == 1
                && cell.equals(Instant.parse(cells.get(0).path("cellDateTime").asString()));
        return theCellSent ? null : "another contract or cell than the one sent";
    }

    private static List<List<Map<String, Object>>> minutePatterns() {
        List<List<Map<String, Object>>> patterns = new ArrayList<>();
        for (int pattern = 0; pattern < 10; pattern++) {
            List<Map<String, Object>> minutes = new ArrayList<>();
            for (int minute = 0; minute < 10; minute++) {
                boolean idle = minute < pattern / 3;
                minutes.add(Map.of("keyboard", idle ? 0 : 20 + 7 * ((minute + pattern) % 9),
                        "mouse", idle ? 0 : 5 + 3 * ((minute * pattern) % 7)));
            }
            patterns.add(List.copyOf(minutes));
        }
        return List.copyOf(patterns);
    }
}
