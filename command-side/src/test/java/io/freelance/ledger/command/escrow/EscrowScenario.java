package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.command.escrow.UsedIdempotencyIds.FirstUse;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.BonusPaidEvent;
import io.freelance.ledger.escrow.EscrowAccountClosedEvent;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.EscrowRefundDisputedEvent;
import io.freelance.ledger.escrow.EscrowRefundRequestedEvent;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneChangesRequestedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.MilestoneSubmittedEvent;
import io.freelance.ledger.escrow.RefundReason;
import io.freelance.ledger.escrow.ReleaseReason;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One fixed-price contract in USD with three milestones, and its events written out with literal amounts,
 * so each test states the money it expects to the cent instead of recomputing it.
 */
final class EscrowScenario {

    static final String CONTRACT_ID = "contract-1";
    static final String ESCROW_ID = EscrowAccountId.forContract(CONTRACT_ID);
    static final LocalDate DUE_DATE = LocalDate.of(2030, 1, 31);
    static final MilestoneTerms M1 = terms("m1", "Design mock-ups", "100.00");
    static final MilestoneTerms M2 = terms("m2", "Build the site", "100.00");
    static final MilestoneTerms M3 = terms("m3", "Launch", "250.00");
    static final String NOTE = "Mock-ups are in the shared folder.";
    static final String CHANGES = "Please use the brand colours.";

    static final LedgerAccount CLIENT_CHARGES = LedgerAccounts.clientCharges(CLIENT.userId());
    static final LedgerAccount CLIENT_REFUNDS = LedgerAccounts.clientRefunds(CLIENT.userId());
    static final LedgerAccount ESCROW = LedgerAccounts.escrow(CONTRACT_ID);
    static final LedgerAccount PENDING = LedgerAccounts.freelancerPending(FREELANCER.userId());
    static final LedgerAccount AVAILABLE = LedgerAccounts.freelancerAvailable(FREELANCER.userId());
    static final LedgerAccount SERVICE_FEES = LedgerAccounts.SERVICE_FEES;
    static final LedgerAccount MARKETPLACE_FEES = LedgerAccounts.MARKETPLACE_FEES;

    static final Duration AUTO_RELEASE = Duration.ofDays(14);
    static final Duration REFUND_WINDOW = Duration.ofDays(7);
    static final Duration SECURITY_PERIOD = Duration.ofDays(5);
    static final FeeRates RATES = FeeRates.UPWORK_DEFAULT;

    private EscrowScenario() {
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static MilestoneTerms terms(String id, String description, String amountUsd) {
        return new MilestoneTerms(id, description, usd(amountUsd), DUE_DATE);
    }

    static EscrowAccountOpenedEvent opened(Instant at) {
        return new EscrowAccountOpenedEvent(ESCROW_ID, CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), "USD",
                List.of(M1, M2, M3), at);
    }

    static JournalLeg leg(LedgerAccount account, String amountUsd) {
        return new JournalLeg(account, usd(amountUsd));
    }

    static JournalEntry milestoneEntry(String milestoneId, String kind, Instant at, JournalLeg... legs) {
        return new JournalEntry(JournalEntry.deterministicId(ESCROW_ID, milestoneId, kind), at,
                EntryCause.milestone(kind, CONTRACT_ID, milestoneId), RATES, List.of(legs));
    }

    /** Funded entirely with new money: the client pays the deposit plus 5%. */
    static MilestoneFundedEvent fundedWithNewMoney(MilestoneTerms milestone, String idempotencyId, String marketplaceFee,
                                                   Instant at) {
        Money deposit = milestone.depositAmount();
        Money fee = usd(marketplaceFee);
        JournalEntry entry = milestoneEntry(milestone.milestoneId(), "milestone-funding", at,
                new JournalLeg(CLIENT_CHARGES, deposit.plus(fee).negate()),
                new JournalLeg(ESCROW, deposit),
                new JournalLeg(MARKETPLACE_FEES, fee));
        return new MilestoneFundedEvent(ESCROW_ID, CONTRACT_ID, milestone.milestoneId(), idempotencyId, deposit,
                usd("0.00"), deposit, fee, entry, at);
    }

    static MilestoneSubmittedEvent submitted(String milestoneId, int submissionNumber, Instant at) {
        return new MilestoneSubmittedEvent(ESCROW_ID, CONTRACT_ID, milestoneId, submissionNumber, NOTE, at,
                at.plus(AUTO_RELEASE));
    }

    static MilestoneChangesRequestedEvent changesRequested(String milestoneId, Instant at) {
        return new MilestoneChangesRequestedEvent(ESCROW_ID, CONTRACT_ID, milestoneId, CHANGES, at);
    }

    /**
     * Escrow pays the freelancer's pending balance less the 10% service fee. Without an arguments fingerprint:
     * an automatic release, or an approval stored before approvals recorded one.
     */
    static MilestoneReleasedEvent released(MilestoneTerms milestone, ReleaseReason reason, String idempotencyId,
                                           String releasedAmount, String serviceFee, String note, Instant at) {
        return released(milestone, reason, idempotencyId, null, releasedAmount, serviceFee, note, at);
    }

    private static MilestoneReleasedEvent released(MilestoneTerms milestone, ReleaseReason reason, String idempotencyId,
                                                   String idempotencyFingerprint, String releasedAmount,
                                                   String serviceFee, String note, Instant at) {
        Money released = usd(releasedAmount);
        Money fee = usd(serviceFee);
        JournalEntry entry = milestoneEntry(milestone.milestoneId(), "milestone-release", at,
                new JournalLeg(ESCROW, released.negate()),
                new JournalLeg(PENDING, released.minus(fee)),
                new JournalLeg(SERVICE_FEES, fee));
        return new MilestoneReleasedEvent(ESCROW_ID, CONTRACT_ID, milestone.milestoneId(), FREELANCER.userId(), reason,
                idempotencyId, idempotencyFingerprint, released, fee, milestone.depositAmount().minus(released), note,
                entry, at, at.plus(SECURITY_PERIOD));
    }

    /** The client approved releasing {@code releasedAmount}, written out, with neither bonus nor note. */
    static MilestoneReleasedEvent approved(MilestoneTerms milestone, String idempotencyId, String releasedAmount,
                                           String serviceFee, Instant at) {
        return approvedBy(new ApproveMilestoneCommand(ESCROW_ID, milestone.milestoneId(), usd(releasedAmount), null,
                null, idempotencyId), milestone, releasedAmount, serviceFee, at);
    }

    /** The release {@code approval} records (its bonus, if any, is a separate event). */
    static MilestoneReleasedEvent approvedBy(ApproveMilestoneCommand approval, MilestoneTerms milestone,
                                             String releasedAmount, String serviceFee, Instant at) {
        String fingerprint = FirstUse.approvalArguments(approval.releaseAmount(), approval.bonus(), approval.note());
        return released(milestone, ReleaseReason.APPROVED_BY_CLIENT, approval.idempotencyId(), fingerprint,
                releasedAmount, serviceFee, approval.note(), at);
    }

    static BonusPaidEvent bonusPaid(String milestoneId, String bonusAmount, String serviceFee, String marketplaceFee,
                                    Instant at) {
        Money bonus = usd(bonusAmount);
        JournalEntry entry = milestoneEntry(milestoneId, "milestone-bonus", at,
                new JournalLeg(CLIENT_CHARGES, bonus.plus(usd(marketplaceFee)).negate()),
                new JournalLeg(PENDING, bonus.minus(usd(serviceFee))),
                leg(SERVICE_FEES, serviceFee),
                leg(MARKETPLACE_FEES, marketplaceFee));
        return new BonusPaidEvent(ESCROW_ID, CONTRACT_ID, milestoneId, FREELANCER.userId(), bonus, usd(serviceFee),
                usd(marketplaceFee), entry, at, at.plus(SECURITY_PERIOD));
    }

    static FundsAvailableEvent fundsAvailable(String milestoneId, String paymentEntryId, String amount, Instant at) {
        JournalEntry entry = new JournalEntry(JournalEntry.deterministicId(ESCROW_ID, paymentEntryId, "funds-available"),
                at, EntryCause.milestone("funds-available", CONTRACT_ID, milestoneId), RATES,
                List.of(new JournalLeg(PENDING, usd(amount).negate()), leg(AVAILABLE, amount)));
        return new FundsAvailableEvent(ESCROW_ID, CONTRACT_ID, FREELANCER.userId(), paymentEntryId, usd(amount), entry, at);
    }

    static EscrowAccountClosedEvent closedBy(String userId, Role role, String heldAmount, Instant at) {
        return new EscrowAccountClosedEvent(ESCROW_ID, CONTRACT_ID, userId, role, usd(heldAmount), at);
    }

    static EscrowRefundRequestedEvent refundRequested(String amount, Instant at) {
        return new EscrowRefundRequestedEvent(ESCROW_ID, CONTRACT_ID, usd(amount), CLIENT.userId(), at,
                at.plus(REFUND_WINDOW));
    }

    static EscrowRefundDisputedEvent refundDisputed(String amount, String reason, Instant at) {
        return new EscrowRefundDisputedEvent(ESCROW_ID, CONTRACT_ID, FREELANCER.userId(), usd(amount), reason, at);
    }

    static EscrowRefundedEvent refunded(List<String> milestoneIds, String amount, RefundReason reason, Instant at) {
        JournalEntry entry = new JournalEntry(JournalEntry.deterministicId(ESCROW_ID, "escrow-refund"), at,
                EntryCause.contract("escrow-refund", CONTRACT_ID), RATES,
                List.of(new JournalLeg(ESCROW, usd(amount).negate()), leg(CLIENT_REFUNDS, amount)));
        return new EscrowRefundedEvent(ESCROW_ID, CONTRACT_ID, CLIENT.userId(), milestoneIds, usd(amount), reason, entry,
                at);
    }
}
