package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DiaryApi;
import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import java.time.LocalDate;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The client's week of a contract's Work Diary with every cell field and the day and week totals. */
final class WeekQuery {

    static final String DOCUMENT = """
            query($contractId: ID!, $weekStart: Date!) { workDiaryWeek(contractId: $contractId, weekStart: $weekStart) { %s } }"""
            .formatted(DiaryApi.WEEK_FIELDS);

    private WeekQuery() {
    }

    static Map<String, Object> variables(String contractId, LocalDate week) {
        return Map.of("contractId", contractId, "weekStart", week.toString());
    }

    /** Null for an answer with every cell of the full week; otherwise what was wrong. */
    static String wrong(Reply reply, int expectedCells) {
        String unanswered = WrongAnswers.unanswered(reply);
        if (unanswered != null) {
            return unanswered;
        }
        int cells = cells(reply);
        return cells == expectedCells ? null : cells + " cells instead of " + expectedCells;
    }

    /** The cells the answer holds across its days; -1 for a wrong answer. */
    static int cells(Reply reply) {
        if (!reply.answered()) {
            return -1;
        }
        int cells = 0;
        for (JsonNode day : reply.data().path("workDiaryWeek").path("workDays")) {
            cells += day.path("workDiaryTimeCells").size();
        }
        return cells;
    }
}
