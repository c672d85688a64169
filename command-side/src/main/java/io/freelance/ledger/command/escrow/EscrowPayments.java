package io.freelance.ledger.command.escrow;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.escrow.BonusPaidEvent;
import io.freelance.ledger.escrow.EscrowDisputeSettledEvent;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.RefundReason;
import io.freelance.ledger.escrow.ReleaseReason;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import java.time.Instant;
import java.util.List;

/**
 * The money events of one escrow account, each with its fees and its journal entry, once the account has
 * decided that the money moves. The rates are the policy's at that moment, and every entry records them.
 */
final class EscrowPayments {

    private final String escrowAccountId;
    private final ContractParties parties;
    private final EscrowPolicy policy;
    private final FeeRates rates;
    private final EscrowJournal journal;

    EscrowPayments(String escrowAccountId, ContractParties parties, EscrowPolicy policy) {
        this.escrowAccountId = escrowAccountId;
        this.parties = parties;
        this.policy = policy;
        this.rates = policy.feeRates();
        this.journal = new EscrowJournal(escrowAccountId, parties);
    }

    /**
     * Money already in escrow and claimed by no milestone (a partial approval's remainder) is used first;
     * the client is charged the rest, plus the marketplace fee on it.
     */
    MilestoneFundedEvent funding(Milestone milestone, Money unallocated, String idempotencyId, Instant at) {
        Money deposit = milestone.deposit();
        Money carriedOver = unallocated.min(deposit);
        Money charged = deposit.minus(carriedOver);
        Money marketplaceFee = Fees.marketplaceFeeOn(charged, rates);
        // Fully covered by money already in escrow: nothing moves between accounts, so there is no entry.
        JournalEntry entry = charged.isZero() ? null : journal.funding(milestone.id(), charged, marketplaceFee, rates, at);
        return new MilestoneFundedEvent(escrowAccountId, contractId(), milestone.id(), idempotencyId, deposit,
                carriedOver, charged, marketplaceFee, entry, at);
    }

    /** Escrow pays the freelancer less the service fee; what the deposit held beyond the amount stays in escrow. */
    MilestoneReleasedEvent release(Milestone milestone, Money amount, ReleaseReason reason, String idempotencyId,
                                   String idempotencyFingerprint, String note, Instant at) {
        Money serviceFee = Fees.serviceFeeOn(amount, rates);
        JournalEntry entry = journal.release(milestone.id(), amount, serviceFee, rates, at);
        return new MilestoneReleasedEvent(escrowAccountId, contractId(), milestone.id(), parties.freelancerId(),
                reason, idempotencyId, idempotencyFingerprint, amount, serviceFee, milestone.deposit().minus(amount),
                note, entry, at, availableAfterSecurityPeriod(at));
    }

    /** A bonus is charged to the client with the marketplace fee and paid less the service fee. */
    BonusPaidEvent bonus(Milestone milestone, Money bonus, Instant at) {
        Money serviceFee = Fees.serviceFeeOn(bonus, rates);
        Money marketplaceFee = Fees.marketplaceFeeOn(bonus, rates);
        JournalEntry entry = journal.bonus(milestone.id(), bonus, serviceFee, marketplaceFee, rates, at);
        return new BonusPaidEvent(escrowAccountId, contractId(), milestone.id(), parties.freelancerId(), bonus,
                serviceFee, marketplaceFee, entry, at, availableAfterSecurityPeriod(at));
    }

    /** Everything {@code held} in escrow goes back to the client, covering the milestones still open. */
    EscrowRefundedEvent refund(Money held, List<Milestone> openMilestones, RefundReason reason, Instant at) {
        List<String> coveredMilestoneIds = openMilestones.stream().map(Milestone::id).toList();
        JournalEntry entry = journal.refund(held, rates, at);
        return new EscrowRefundedEvent(escrowAccountId, contractId(), parties.clientId(), coveredMilestoneIds, held,
                reason, entry, at);
    }

    /** A dispute's settlement: the freelancer's share is paid less the service fee, the client's share refunded. */
    EscrowDisputeSettledEvent disputeSettlement(String disputeId, String milestoneId, List<Milestone> covered,
                                                Money released, Money refunded, Instant at) {
        Money serviceFee = Fees.serviceFeeOn(released, rates);
        JournalEntry entry = journal.disputeSettlement(disputeId, milestoneId, released, serviceFee, refunded, rates, at);
        return new EscrowDisputeSettledEvent(escrowAccountId, contractId(), disputeId, parties.clientId(),
                parties.freelancerId(), covered.stream().map(Milestone::id).toList(), released, serviceFee, refunded,
                entry, at, availableAfterSecurityPeriod(at));
    }

    /** A payment whose security period ended moves from the freelancer's pending to available balance. */
    FundsAvailableEvent fundsAvailable(SecurityPeriodDeadline payment, Instant at) {
        JournalEntry entry = journal.fundsAvailable(payment.milestoneId(), payment.paymentEntryId(), payment.amount(),
                rates, at);
        return new FundsAvailableEvent(escrowAccountId, contractId(), parties.freelancerId(), payment.paymentEntryId(),
                payment.amount(), entry, at);
    }

    private Instant availableAfterSecurityPeriod(Instant paidAt) {
        return paidAt.plus(policy.securityPeriod());
    }

    private String contractId() {
        return parties.contractId();
    }
}
