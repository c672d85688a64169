package io.freelance.ledger.command.invoice;

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
 * The journal entries of one weekly invoice (DESIGN §5), the hourly counterpart of the escrow account's:
 * charged into the contract's escrow like a milestone's funding, paid out like its release. Entry ids derive
 * from the invoice and the kind of movement; each happens at most once per invoice, so the id is unique and
 * a replay or a deadline firing twice gives the same id.
 */
final class InvoiceJournal {

    static final String CHARGE = "invoice-charge";
    static final String PAYMENT = "invoice-payment";
    static final String FUNDS_AVAILABLE = "invoice-funds-available";
    static final String DISPUTE_REFUND = "hour-dispute-refund";

    private final String invoiceId;
    private final ContractParties parties;

    InvoiceJournal(String invoiceId, ContractParties parties) {
        this.invoiceId = invoiceId;
        this.parties = parties;
    }

    /** The client pays the billed hours plus the marketplace fee; escrow holds the hours during the review. */
    JournalEntry charge(Money amount, Money marketplaceFee, FeeRates rates, Instant at) {
        return entry(CHARGE, EntryCause.invoice(CHARGE, contractId(), invoiceId), rates, at,
                leg(LedgerAccounts.clientCharges(parties.clientId()), amount.plus(marketplaceFee).negate()),
                leg(escrow(), amount),
                leg(LedgerAccounts.MARKETPLACE_FEES, marketplaceFee));
    }

    /**
     * Escrow pays the freelancer's pending balance, less the service fee. After a dispute the entry names it:
     * the payment carries the ruling's paid cells.
     */
    JournalEntry payment(Money paid, Money serviceFee, String disputeId, FeeRates rates, Instant at) {
        EntryCause cause = disputeId == null
                ? EntryCause.invoice(PAYMENT, contractId(), invoiceId)
                : EntryCause.invoiceDispute(PAYMENT, contractId(), invoiceId, disputeId);
        return entry(PAYMENT, cause, rates, at,
                leg(escrow(), paid.negate()),
                leg(pending(), paid.minus(serviceFee)),
                leg(LedgerAccounts.SERVICE_FEES, serviceFee));
    }

    /**
     * Refunded hours leave escrow for the client's refunds, and so does the marketplace fee charged on them:
     * the client paid that fee for hours the ruling says were not owed, so the platform gives it back.
     */
    JournalEntry disputeRefund(String disputeId, Money refund, Money marketplaceFeeRefund, FeeRates rates, Instant at) {
        return entry(DISPUTE_REFUND, EntryCause.invoiceDispute(DISPUTE_REFUND, contractId(), invoiceId, disputeId),
                rates, at,
                leg(escrow(), refund.negate()),
                leg(LedgerAccounts.MARKETPLACE_FEES, marketplaceFeeRefund.negate()),
                leg(LedgerAccounts.clientRefunds(parties.clientId()), refund.plus(marketplaceFeeRefund)));
    }

    /** After the security period the payment moves from pending to available. */
    JournalEntry fundsAvailable(Money amount, FeeRates rates, Instant at) {
        return entry(FUNDS_AVAILABLE, EntryCause.invoice(FUNDS_AVAILABLE, contractId(), invoiceId), rates, at,
                leg(pending(), amount.negate()),
                leg(LedgerAccounts.freelancerAvailable(parties.freelancerId()), amount));
    }

    private JournalEntry entry(String kind, EntryCause cause, FeeRates rates, Instant at, JournalLeg... legs) {
        return new JournalEntry(JournalEntry.deterministicId(invoiceId, kind), at, cause, rates, legs(legs));
    }

    /** A fee that rounds to zero moves nothing, and a journal entry has no zero legs. */
    private static List<JournalLeg> legs(JournalLeg... legs) {
        return Arrays.stream(legs).filter(leg -> !leg.amount().isZero()).toList();
    }

    private static JournalLeg leg(LedgerAccount account, Money amount) {
        return new JournalLeg(account, amount);
    }

    private String contractId() {
        return parties.contractId();
    }

    private LedgerAccount escrow() {
        return LedgerAccounts.escrow(parties.contractId());
    }

    private LedgerAccount pending() {
        return LedgerAccounts.freelancerPending(parties.freelancerId());
    }
}
