package io.freelance.ledger.query.graphql;

import io.freelance.ledger.common.RuleViolation;

/** The {@code first} argument of every connection: 20 unless given, never more than 100. */
public final class PageSize {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageSize() {
    }

    public static int of(Integer first) {
        if (first == null) {
            return DEFAULT;
        }
        if (first < 1 || first > MAX) {
            throw RuleViolation.badRequest("first", "page.size",
                    "first must be between 1 and %d; it was %d.".formatted(MAX, first));
        }
        return first;
    }
}
