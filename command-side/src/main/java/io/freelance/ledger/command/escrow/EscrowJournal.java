package io.freelance.ledger.command.escrow;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The journal entries of one escrow account: which accounts each movement touches and by how much.
 * Entry ids derive from the escrow id, the milestone and the kind of movement. Each milestone is funded,
 * released and given a bonus at most once, so the id is unique, and a replay or retry gives the same id.
 */
final class EscrowJournal {

    static final String FUNDING = "milestone-funding";
    static final String RELEASE = "milestone-release";
    static final String BONUS = "milestone-bonus";
    static final String REFUND = "escrow-refund";
    static final String FUNDS_AVAILABLE = "funds-available";
    static final String DISPUTE_SETTLEMENT = "dispute-settlement";

    private final String escrowAccountId;
    private final ContractParties parties;

    EscrowJournal(String escrowAccountId, ContractParties parties) {
        this.escrowAccountId = escrowAccountId;
        this.parties = parties;
    }

    /** The client pays the new money plus the marketplace fee; escrow holds the new money. */
    JournalEntry funding(String milestoneId, Money charged, Money marketplaceFee, FeeRates rates, Instant at) {
        return entry(milestoneId, FUNDING, rates, at,
                leg(LedgerAccounts.clientCharges(parties.clientId()), charged.plus(marketplaceFee).negate()),
                leg(escrow(), charged),
                leg(LedgerAccounts.MARKETPLACE_FEES, marketplaceFee));
    }

    /** Escrow pays the freelancer's pending balance, less the service fee. */
    JournalEntry release(String milestoneId, Money released, Money serviceFee, FeeRates rates, Instant at) {
        return entry(milestoneId, RELEASE, rates, at,
                leg(escrow(), released.negate()),
                leg(pending(), released.minus(serviceFee)),
                leg(LedgerAccounts.SERVICE_FEES, serviceFee));
    }

    /** A bonus bypasses escrow: charged to the client with the marketplace fee, paid less the service fee. */
    JournalEntry bonus(String milestoneId, Money bonus, Money serviceFee, Money marketplaceFee, FeeRates rates, Instant at) {
        return entry(milestoneId, BONUS, rates, at,
                leg(LedgerAccounts.clientCharges(parties.clientId()), bonus.plus(marketplaceFee).negate()),
                leg(pending(), bonus.minus(serviceFee)),
                leg(LedgerAccounts.SERVICE_FEES, serviceFee),
                leg(LedgerAccounts.MARKETPLACE_FEES, marketplaceFee));
    }

    /** Everything still in escrow goes back to the client; fees already charged stay with the platform. */
    JournalEntry refund(Money amount, FeeRates rates, Instant at) {
        String entryId = JournalEntry.deterministicId(escrowAccountId, REFUND);
        return new JournalEntry(entryId, at, EntryCause.contract(REFUND, parties.contractId()), rates, legs(
                leg(escrow(), amount.negate()),
                leg(LedgerAccounts.clientRefunds(parties.clientId()), amount)));
    }

    /**
     * A dispute's settlement in one entry: escrow pays the freelancer's share less the service fee and refunds the
     * client's share; fees the client already paid stay with the platform, as with every escrow refund. A dispute
     * is settled once, so its id makes the entry's.
     */
    JournalEntry disputeSettlement(String disputeId, String milestoneId, Money released, Money serviceFee,
                                   Money refunded, FeeRates rates, Instant at) {
        String entryId = JournalEntry.deterministicId(escrowAccountId, disputeId, DISPUTE_SETTLEMENT);
        return new JournalEntry(entryId, at,
                EntryCause.escrowDispute(DISPUTE_SETTLEMENT, parties.contractId(), milestoneId, disputeId), rates, legs(
                        leg(escrow(), released.plus(refunded).negate()),
                        leg(pending(), released.minus(serviceFee)),
                        leg(LedgerAccounts.SERVICE_FEES, serviceFee),
                        leg(LedgerAccounts.clientRefunds(parties.clientId()), refunded)));
    }

    /** After the security period a payment moves from pending to available. */
    JournalEntry fundsAvailable(String milestoneId, String paymentEntryId, Money amount, FeeRates rates, Instant at) {
        String entryId = JournalEntry.deterministicId(escrowAccountId, paymentEntryId, FUNDS_AVAILABLE);
        return new JournalEntry(entryId, at, EntryCause.milestone(FUNDS_AVAILABLE, parties.contractId(), milestoneId),
                rates, legs(
                        leg(pending(), amount.negate()),
                        leg(LedgerAccounts.freelancerAvailable(parties.freelancerId()), amount)));
    }

    private JournalEntry entry(String milestoneId, String kind, FeeRates rates, Instant at, JournalLeg... legs) {
        String entryId = JournalEntry.deterministicId(escrowAccountId, milestoneId, kind);
        return new JournalEntry(entryId, at, EntryCause.milestone(kind, parties.contractId(), milestoneId), rates,
                legs(legs));
    }

    /** A fee that rounds to zero moves nothing, and a journal entry has no zero legs. */
    private static List<JournalLeg> legs(JournalLeg... legs) {
        return Arrays.stream(legs).filter(leg -> !leg.amount().isZero()).toList();
    }

    private static JournalLeg leg(LedgerAccount account, Money amount) {
        return new JournalLeg(account, amount);
    }

    private LedgerAccount escrow() {
        return LedgerAccounts.escrow(parties.contractId());
    }

    private LedgerAccount pending() {
        return LedgerAccounts.freelancerPending(parties.freelancerId());
    }
}
