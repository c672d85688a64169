package io.freelance.ledger.common;

import java.util.List;

/**
 * What a command handler answers when its unit of work changed more aggregates than the one it was sent
 * to (accepting a fixed-price contract opens its escrow account; ending it closes the account): each
 * changed aggregate's new version, so the caller can wait until every read model shows the change.
 * A handler that changes only its own aggregate answers that aggregate's version as a plain number.
 */
public record AggregateVersions(List<AggregateVersion> versions) {

    public AggregateVersions {
        versions = List.copyOf(versions);
    }

    public static AggregateVersions of(AggregateVersion... versions) {
        return new AggregateVersions(List.of(versions));
    }

    /** One aggregate's type (its class's simple name), identifier and version after the command. */
    public record AggregateVersion(String aggregateType, String aggregateId, long version) {
    }
}
