package io.freelance.ledger.query.graphql;

import io.freelance.ledger.common.RuleViolation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * Pages of the API's lists, on Spring GraphQL's cursor connections: a controller takes the page asked for
 * ({@code first}, {@code after}) as a {@link ScrollSubrange} and answers a {@link Window} of nodes, from
 * which Spring GraphQL builds {@code edges { cursor node }} and {@code pageInfo}. Every list pages by a
 * key of its read store (keyset paging): a node's keys say where it stands in the list, and the cursor
 * after it carries them.
 */
public final class Pages {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private Pages() {
    }

    /**
     * {@code first}: 20 unless given, never more than 100. Spring GraphQL reads a negative {@code first}
     * as not given.
     */
    public static int size(ScrollSubrange page) {
        int size = page.count().orElse(DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw pageSizeRefused(size);
        }
        return size;
    }

    static RuleViolation pageSizeRefused(int size) {
        return RuleViolation.badRequest("first", "page.size", "first must be between 1 and %d; it was %d.".formatted(MAX_SIZE, size));
    }

    /** The keys of the node the previous page ended with; empty for the first page. */
    public static Optional<Map<String, Object>> after(ScrollSubrange page) {
        return page.position()
                .filter(position -> !position.isInitial())
                .map(position -> ((KeysetScrollPosition) position).getKeys());
    }

    /** A number the cursor must hold; a cursor of another list does not. */
    public static long number(Map<String, Object> keys, String key) {
        if (keys.get(key) instanceof Long number) {
            return number;
        }
        throw invalidCursor();
    }

    public static String text(Map<String, Object> keys, String key) {
        if (keys.get(key) instanceof String text) {
            return text;
        }
        throw invalidCursor();
    }

    /**
     * The page from up to {@code size + 1} items read from the store, newest or first in the list first:
     * the extra one only says that another page follows.
     */
    public static <F, T> Window<T> window(List<F> fetched, int size, Function<F, Map<String, ?>> keysOf,
                                          Function<F, T> nodeOf) {
        List<F> page = fetched.size() > size ? fetched.subList(0, size) : fetched;
        return Window.from(page.stream().map(nodeOf).toList(), index -> ScrollPosition.forward(keysOf.apply(page.get(index))),
                fetched.size() > size);
    }

    /** A cursor this list could not have written: the caller gets a BAD_REQUEST on {@code after}. */
    public static RuleViolation invalidCursor() {
        return RuleViolation.badRequest("after", "cursor.invalid",
                "after must be a cursor this list returned (pageInfo.endCursor or an edge's cursor).");
    }
}
