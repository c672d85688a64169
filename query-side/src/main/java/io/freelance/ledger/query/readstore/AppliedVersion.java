package io.freelance.ledger.query.readstore;

/** A read model has applied, and committed, the aggregate's events up to {@code version}. */
public record AppliedVersion(String aggregateType, String aggregateId, long version) {
}
