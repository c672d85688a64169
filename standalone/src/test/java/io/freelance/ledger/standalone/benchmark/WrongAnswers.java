package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The measured answers that were not right, by kind, so a figure's errors can be read. A pending answer is told
 * apart: the change was recorded, but the read model did not show it within the service's bounded wait (5 s by
 * default); on a saturated machine that is slowness, not a wrong answer.
 */
final class WrongAnswers {

    static final String PENDING = "pending (recorded; the read model did not show it within the service's wait)";

    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    /** Counts {@code kind} when the phase is measured; {@code null} is a right answer. Returns whether the answer was right. */
    boolean tally(String phase, String kind) {
        if (kind != null && "measured".equals(phase)) {
            byKind.computeIfAbsent(kind, ignored -> new LongAdder()).increment();
        }
        return kind == null;
    }

    /** Why a reply is not a GraphQL answer at all; null when it is one. */
    static String unanswered(Reply reply) {
        if (reply.failure() != null) {
            return "no answer: " + reply.failure();
        }
        if (reply.status() != 200) {
            return "HTTP " + reply.status();
        }
        if (!reply.answered()) {
            String message = reply.body() == null ? "no body" : reply.body().path("errors").path(0).path("message").asString("no data");
            return "GraphQL error: " + message.substring(0, Math.min(120, message.length()));
        }
        return null;
    }

    long excludingPending() {
        return byKind.entrySet().stream().filter(kind -> !kind.getKey().equals(PENDING)).mapToLong(kind -> kind.getValue().sum()).sum();
    }

    @Override
    public String toString() {
        if (byKind.isEmpty()) {
            return "none";
        }
        Map<String, Long> sorted = new TreeMap<>();
        byKind.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted.toString();
    }
}
