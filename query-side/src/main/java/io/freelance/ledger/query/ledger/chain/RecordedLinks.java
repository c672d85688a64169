package io.freelance.ledger.query.ledger.chain;

import java.util.Collection;
import java.util.Map;

/**
 * The links stored on recorded journal entries, looked up by entry id: how the chain finds an entry
 * that was recorded past its head (its handling stopped before the head moved) and takes it in.
 */
@FunctionalInterface
public interface RecordedLinks {

    /** For a chain that only reads: it never links a new entry, so it never looks for one. */
    RecordedLinks NONE = entryIds -> {
        throw new IllegalStateException("This journal chain only reads; the ledger's store links new entries");
    };

    /**
     * The link stored on each of {@code entryIds} that is recorded, by entry id, with the ledger sequence it was
     * recorded at; ids not recorded (or recorded without a link) are left out.
     */
    Map<String, ChainLink> of(Collection<String> entryIds);
}
