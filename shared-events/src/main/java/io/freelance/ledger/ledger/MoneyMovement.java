package io.freelance.ledger.ledger;

/**
 * An event that moves money. The ledger projection handles every such event through this one
 * interface, so a new kind of movement (an invoice, a dispute ruling) needs no ledger change.
 */
public interface MoneyMovement {

    /**
     * The entry, or null when the event moved nothing between accounts (a milestone funded entirely
     * from money already in escrow).
     */
    JournalEntry journalEntry();
}
