package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;

/**
 * The two balances an escrow account answers for, rebuilt from its own journal entries. Applying an
 * entry that would take either below zero fails, both when a command decides (the event is applied
 * immediately, so the command is rejected) and when the account is rebuilt from history.
 */
final class EscrowBalances {

    private final LedgerAccount escrowAccount;
    private final LedgerAccount freelancerPendingAccount;
    private final String currency;
    private Money heldInEscrow;
    private Money freelancerPending;

    EscrowBalances(String contractId, String freelancerId, String currency) {
        this.escrowAccount = LedgerAccounts.escrow(contractId);
        this.freelancerPendingAccount = LedgerAccounts.freelancerPending(freelancerId);
        this.currency = currency;
        this.heldInEscrow = Money.zero(currency);
        this.freelancerPending = Money.zero(currency);
    }

    void apply(JournalEntry entry) {
        heldInEscrow = heldInEscrow.plus(entry.amountOn(escrowAccount, currency));
        freelancerPending = freelancerPending.plus(entry.amountOn(freelancerPendingAccount, currency));
        if (heldInEscrow.isNegative() || freelancerPending.isNegative()) {
            throw new IllegalStateException("Journal entry %s takes %s to %s and %s to %s; neither may go below zero"
                    .formatted(entry.entryId(), escrowAccount, heldInEscrow, freelancerPendingAccount, freelancerPending));
        }
    }

    Money heldInEscrow() {
        return heldInEscrow;
    }

    Money freelancerPending() {
        return freelancerPending;
    }

    /** Escrow money no open milestone claims: the remainder of partial approvals. */
    Money unallocated(Money allocatedToOpenMilestones) {
        Money unallocated = heldInEscrow.minus(allocatedToOpenMilestones);
        if (unallocated.isNegative()) {
            throw new IllegalStateException("Escrow %s holds %s but its open milestones claim %s"
                    .formatted(escrowAccount, heldInEscrow, allocatedToOpenMilestones));
        }
        return unallocated;
    }
}
