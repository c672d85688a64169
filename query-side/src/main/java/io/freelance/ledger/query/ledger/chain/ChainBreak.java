package io.freelance.ledger.query.ledger.chain;

import java.util.List;

/**
 * The first place the chain does not hold. {@code expectedHash} is the link's hash recomputed from
 * the event in the event store, {@code storedHash} the hash stored on the entry and
 * {@code entryContentHash} the hash recomputed from the entry as the ledger stores it now; each is
 * null where it cannot be had. {@code differences} name the fields that differ, when it can tell.
 */
public record ChainBreak(Kind kind, long sequence, String entryId, String eventId, Long eventPosition,
                         String expectedHash, String storedHash, String entryContentHash, List<String> differences,
                         String description) {

    public enum Kind {
        /** The event in the event store no longer hashes to the link the ledger made from it. */
        EVENT_ALTERED,
        /** No event at the position the entry was made from. */
        EVENT_MISSING,
        /** The event at that position can no longer be read as a money movement. */
        EVENT_UNREADABLE,
        /** The stored journal entry (its content or its hash) differs from the event it was made from. */
        ENTRY_ALTERED,
        /** An entry the chain names is not in the journal. */
        ENTRY_MISSING,
        /** An entry's link to the one before it was changed. */
        LINK_ALTERED,
        /** The chain ends before, or with another hash than, the head the ledger keeps. */
        HEAD_MISMATCH,
        /** The chain does not reach the given anchor with the anchor's hash. */
        ANCHOR_MISMATCH
    }

    static ChainBreak at(Kind kind, long sequence, String entryId, String description) {
        return new ChainBreak(kind, sequence, entryId, null, null, null, null, null, List.of(), description);
    }
}
