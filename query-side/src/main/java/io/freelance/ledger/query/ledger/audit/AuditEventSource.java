package io.freelance.ledger.query.ledger.audit;

import java.util.function.Consumer;

/**
 * The event store as the audit reads it: straight, in batches of global index order, with no tracking
 * processor, token or handler in between, so a replay can run no event handler and repeat no side effect.
 */
public interface AuditEventSource {

    /** The global index of the newest stored event; -1 when the store is empty. */
    long headIndex();

    /**
     * Hands on the events with a global index in {@code (afterIndex, upToIndex]}, in index order, in
     * batches of at most {@code batchSize} events. Returns once the range is read.
     */
    void read(long afterIndex, long upToIndex, int batchSize, Consumer<EventBatch> batches);

    /**
     * As {@link #read(long, long, int, Consumer)}, for a reader that needs only the money movements on one
     * account: a movement whose stored form does not name {@code account} may be left out of the batches
     * without being decoded (every event still counts in {@link EventBatch#eventsRead()}). A movement on the
     * account is never left out; others may still come, so the reader still picks its legs. A null
     * {@code account} asks for every movement, and a source that cannot tell hands on every movement.
     */
    default void readMentioning(String account, long afterIndex, long upToIndex, int batchSize, Consumer<EventBatch> batches) {
        read(afterIndex, upToIndex, batchSize, batches);
    }
}
