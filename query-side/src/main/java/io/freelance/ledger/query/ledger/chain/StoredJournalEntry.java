package io.freelance.ledger.query.ledger.chain;

import io.freelance.ledger.ledger.JournalEntry;
import java.util.Optional;

/**
 * A journal entry as the ledger stored it, read back for verification: its ledger sequence, its link
 * (empty for an entry recorded before the ledger kept a chain) and its content, or why the stored
 * document no longer reads as a journal entry (an edit that unbalanced it, a field removed).
 */
public record StoredJournalEntry(String entryId, long sequence, Optional<ChainLink> link, JournalEntry entry,
                                 String unreadableBecause) {

    public static StoredJournalEntry readable(String entryId, long sequence, Optional<ChainLink> link, JournalEntry entry) {
        return new StoredJournalEntry(entryId, sequence, link, entry, null);
    }

    public static StoredJournalEntry unreadable(String entryId, long sequence, Optional<ChainLink> link, String because) {
        return new StoredJournalEntry(entryId, sequence, link, null, because);
    }
}
