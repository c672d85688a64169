package io.freelance.ledger.query.ledger;

/**
 * A journal entry the ledger refuses to apply. Thrown from the projection so the event goes to
 * the dead-letter queue for a person to look at, instead of corrupting balances.
 */
public class UnbalancedJournalEntryException extends IllegalStateException {

    public UnbalancedJournalEntryException(String message) {
        super(message);
    }
}
