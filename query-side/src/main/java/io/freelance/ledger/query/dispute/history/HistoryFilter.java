package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events a history shows: of the given types (any type when none is given), at or after {@code from},
 * before {@code to}. Filters look only at what the event store reads without deserializing a payload.
 */
record HistoryFilter(Set<String> eventTypes, Instant from, Instant to) {

    static final int MAX_EVENT_TYPES = 50;
    static final HistoryFilter EVERYTHING = new HistoryFilter(Set.of(), null, null);

    /** The filter a caller sent, or a BAD_REQUEST naming the field and the rule it broke. */
    static HistoryFilter of(HistoryFilterInput input) {
        if (input == null) {
            return EVERYTHING;
        }
        Instant from = instant(input.from());
        Instant to = instant(input.to());
        if (from != null && to != null && !to.isAfter(from)) {
            throw RuleViolation.badRequest("filter.to", "to.not-after-from",
                    "filter.to (%s) must lie after filter.from (%s).".formatted(to, from));
        }
        return new HistoryFilter(eventTypes(input.eventTypes()), from, to);
    }

    boolean accepts(StoredEvent event) {
        Instant at = event.timestamp();
        return (eventTypes.isEmpty() || eventTypes.contains(event.eventType()))
                && (from == null || !at.isBefore(from))
                && (to == null || at.isBefore(to));
    }

    private static Set<String> eventTypes(List<String> given) {
        if (given == null) {
            return Set.of();
        }
        if (given.size() > MAX_EVENT_TYPES) {
            throw RuleViolation.badRequest("filter.eventTypes", "eventTypes.too-many",
                    "filter.eventTypes has %d entries; at most %d are allowed.".formatted(given.size(), MAX_EVENT_TYPES));
        }
        Set<String> types = new HashSet<>();
        for (int index = 0; index < given.size(); index++) {
            types.add(TextInput.id("filter.eventTypes[" + index + "]", given.get(index), "An event type"));
        }
        return Set.copyOf(types);
    }

    private static Instant instant(OffsetDateTime given) {
        return given == null ? null : given.toInstant();
    }
}
