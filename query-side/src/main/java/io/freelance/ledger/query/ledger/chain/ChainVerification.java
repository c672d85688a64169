package io.freelance.ledger.query.ledger.chain;

/**
 * The result of walking the chain up to {@code head} (the head when the walk began): ok, or the first
 * break. {@code anchorReached} is null when no anchor was given.
 */
public record ChainVerification(ChainHead head, long entriesChecked, ChainBreak firstBreak, Boolean anchorReached,
                                double seconds) {

    public boolean ok() {
        return firstBreak == null;
    }

    /** Entries checked per second; each entry is one event read from the event store and hashed. */
    public double eventsPerSecond() {
        return seconds > 0 ? entriesChecked / seconds : 0;
    }
}
