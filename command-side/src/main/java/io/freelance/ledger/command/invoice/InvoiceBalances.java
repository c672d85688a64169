package io.freelance.ledger.command.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;

/**
 * The invoice's share of the contract's escrow and of the freelancer's pending balance, rebuilt from its own
 * journal entries. Every invoice of a contract holds its money in the one escrow account of the contract; as
 * long as no invoice takes out more than it put in, neither balance goes below zero. Applying an entry that
 * would fails, both when a command decides and when the invoice is rebuilt from history.
 */
final class InvoiceBalances {

    private final LedgerAccount escrowAccount;
    private final LedgerAccount freelancerPendingAccount;
    private final String currency;
    private Money heldInEscrow;
    private Money freelancerPending;

    InvoiceBalances(String contractId, String freelancerId, String currency) {
        this.escrowAccount = LedgerAccounts.escrow(contractId);
        this.freelancerPendingAccount = LedgerAccounts.freelancerPending(freelancerId);
        this.currency = currency;
        this.heldInEscrow = Money.zero(currency);
        this.freelancerPending = Money.zero(currency);
    }

    void apply(JournalEntry entry) {
        if (entry == null) {
            return;
        }
        heldInEscrow = heldInEscrow.plus(entry.amountOn(escrowAccount, currency));
        freelancerPending = freelancerPending.plus(entry.amountOn(freelancerPendingAccount, currency));
        if (heldInEscrow.isNegative() || freelancerPending.isNegative()) {
            throw new IllegalStateException("Journal entry %s takes the invoice's %s to %s and %s to %s; neither may go below zero"
                    .formatted(entry.entryId(), escrowAccount, heldInEscrow, freelancerPendingAccount, freelancerPending));
        }
    }

    Money heldInEscrow() {
        return heldInEscrow;
    }
}
