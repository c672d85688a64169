package io.freelance.ledger.query.ledger;

import io.freelance.ledger.ledger.JournalEntry;

/**
 * The ledger's invariants, checked again where entries are applied: the same rule
 * {@link JournalEntry} enforces when it is built, run a second time on what actually reached the
 * projection (TIGER_STYLE: assert on write and on read), so a broken entry goes to the dead-letter
 * queue instead of into the balances.
 */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void requireBalanced(JournalEntry entry) {
        if (entry.legs() == null) {
            throw new UnbalancedJournalEntryException("Journal entry " + entry.entryId() + " has no legs");
        }
        try {
            JournalEntry.requireBalanced(entry.entryId(), entry.legs());
        } catch (IllegalArgumentException e) {
            throw new UnbalancedJournalEntryException(e.getMessage());
        }
    }
}
