package io.freelance.ledger.query.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A page of a cursor connection ({@code edges { cursor node }}, {@code pageInfo}). */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    /**
     * Builds the page from up to {@code pageSize + 1} fetched items: the extra one only says that
     * another page follows.
     */
    public static <T> Connection<T> of(List<T> fetched, int pageSize, Function<T, String> cursorOf) {
        return of(fetched, pageSize, cursorOf, Function.identity());
    }

    /** As above, for fetched items that carry their node and where it stands in the list. */
    public static <F, T> Connection<T> of(List<F> fetched, int pageSize, Function<F, String> cursorOf, Function<F, T> nodeOf) {
        List<F> page = fetched.size() > pageSize ? fetched.subList(0, pageSize) : fetched;
        List<Edge<T>> edges = new ArrayList<>(page.size());
        for (F item : page) {
            edges.add(new Edge<>(cursorOf.apply(item), nodeOf.apply(item)));
        }
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(fetched.size() > pageSize, endCursor));
    }
}
