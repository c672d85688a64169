package io.freelance.ledger.command.common;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;

/**
 * The two balances a contract's money holder answers for (an escrow account, or an invoice's share of the
 * contract's escrow), rebuilt from its own journal entries. Applying an entry that would take either below
 * zero fails, both when a command decides (the event is applied immediately, so the command is rejected)
 * and when the holder is rebuilt from history. As long as no holder takes out more than it put in, the
 * shared escrow and pending accounts never go below zero either.
 */
public final class HeldBalances {

    private final LedgerAccount escrowAccount;
    private final LedgerAccount freelancerPendingAccount;
    private final String currency;
    private Money heldInEscrow;
    private Money freelancerPending;

    public HeldBalances(String contractId, String freelancerId, String currency) {
        this.escrowAccount = LedgerAccounts.escrow(contractId);
        this.freelancerPendingAccount = LedgerAccounts.freelancerPending(freelancerId);
        this.currency = currency;
        this.heldInEscrow = Money.zero(currency);
        this.freelancerPending = Money.zero(currency);
    }

    /** Entries that move nothing (null) leave the balances as they are. */
    public void apply(JournalEntry entry) {
        if (entry == null) {
            return;
        }
        heldInEscrow = heldInEscrow.plus(entry.amountOn(escrowAccount, currency));
        freelancerPending = freelancerPending.plus(entry.amountOn(freelancerPendingAccount, currency));
        if (heldInEscrow.isNegative() || freelancerPending.isNegative()) {
            throw new IllegalStateException("Journal entry %s takes %s to %s and %s to %s; neither may go below zero"
                    .formatted(entry.entryId(), escrowAccount, heldInEscrow, freelancerPendingAccount, freelancerPending));
        }
    }

    public Money heldInEscrow() {
        return heldInEscrow;
    }

    public Money freelancerPending() {
        return freelancerPending;
    }

    /** Escrow money no open milestone claims: the remainder of partial approvals. */
    public Money unallocated(Money allocatedToOpenMilestones) {
        Money unallocated = heldInEscrow.minus(allocatedToOpenMilestones);
        if (unallocated.isNegative()) {
            throw new IllegalStateException("Escrow %s holds %s but its open milestones claim %s"
                    .formatted(escrowAccount, heldInEscrow, allocatedToOpenMilestones));
        }
        return unallocated;
    }
}
