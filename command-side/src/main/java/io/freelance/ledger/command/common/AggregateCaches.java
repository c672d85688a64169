package io.freelance.ledger.command.common;

/** The name aggregates give in {@code @Aggregate(cache = ...)}; the infrastructure provides a cache under it. */
public final class AggregateCaches {

    public static final String AGGREGATE_CACHE = "aggregateCache";

    private AggregateCaches() {
    }
}
