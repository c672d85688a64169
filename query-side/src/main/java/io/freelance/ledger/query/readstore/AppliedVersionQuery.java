package io.freelance.ledger.query.readstore;

/**
 * The version of an aggregate that its read model has applied (-1 before any of its events). As a
 * subscription query it also delivers each {@link AppliedVersion} the read model reaches afterwards:
 * a mutation subscribes to wait for its own change, and live views can subscribe the same way.
 */
public record AppliedVersionQuery(String aggregateType, String aggregateId) {
}
