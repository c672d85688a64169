package io.freelance.ledger.query.ledger.chain;

import java.util.Optional;
import org.bson.Document;

/**
 * A journal entry's place in the chain, stored on the entry's own document the moment the entry is
 * first recorded: the event it came from, the entry before it and both hashes.
 */
public record ChainLink(long sequence, String entryId, ChainedEvent event, long previousSequence, String previousHash,
                        String hash) {

    public static final String EVENT_ID = "eventId";
    public static final String PREVIOUS_SEQUENCE = "previousSequence";
    public static final String PREVIOUS_HASH = "previousHash";
    public static final String HASH = "hash";

    /** Whether this link was made after {@code head}: it names the head's sequence and hash as the link before it. */
    public boolean follows(ChainHead head) {
        return previousSequence == head.sequence() && head.hash().equals(previousHash);
    }

    /** Adds the chain's fields to an entry document that already holds the sequence, position and event type. */
    public Document appendTo(Document entryDocument) {
        return entryDocument.append(EVENT_ID, event.eventId())
                .append(PREVIOUS_SEQUENCE, previousSequence)
                .append(PREVIOUS_HASH, previousHash)
                .append(HASH, hash);
    }

    /**
     * The link stored on an entry document; empty for an entry recorded before the ledger kept a chain.
     * The sequence, position and event type are the ledger's own fields, read by the caller.
     */
    public static Optional<ChainLink> storedOn(Document entryDocument, long sequence, long position, String eventType) {
        String hash = entryDocument.getString(HASH);
        if (hash == null) {
            return Optional.empty();
        }
        Number previousSequence = (Number) entryDocument.get(PREVIOUS_SEQUENCE);
        return Optional.of(new ChainLink(sequence, entryDocument.getString("_id"),
                new ChainedEvent(entryDocument.getString(EVENT_ID), eventType, position),
                previousSequence == null ? -1 : previousSequence.longValue(), entryDocument.getString(PREVIOUS_HASH), hash));
    }
}
