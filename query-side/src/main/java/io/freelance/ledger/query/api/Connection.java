package io.freelance.ledger.query.api;

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
        List<T> page = fetched.size() > pageSize ? fetched.subList(0, pageSize) : fetched;
        List<Edge<T>> edges = new ArrayList<>(page.size());
        for (T item : page) {
            edges.add(new Edge<>(cursorOf.apply(item), item));
        }
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(fetched.size() > pageSize, endCursor));
    }
}
