package io.freelance.ledger.query.testsupport;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Journal entries as the escrow account makes them, with amounts written as in the domain rules. */
public final class Entries {

    public static final Instant AT = Instant.parse("2025-03-03T10:15:30Z");

    private Entries() {
    }

    /** Client pays {@code charged} plus the 5% marketplace fee; escrow receives {@code charged}. */
    public static JournalEntry funding(String entryId, String clientId, String contractId, String milestoneId,
                                       String charged, String marketplaceFee) {
        return entry(entryId, EntryCause.milestone("milestone-funding", contractId, milestoneId),
                leg(LedgerAccounts.clientCharges(clientId), negated(sum(charged, marketplaceFee))),
                leg(LedgerAccounts.escrow(contractId), charged),
                leg(LedgerAccounts.MARKETPLACE_FEES, marketplaceFee));
    }

    /** Escrow pays {@code released}: the freelancer's pending balance less the 10% service fee. */
    public static JournalEntry release(String entryId, String freelancerId, String contractId, String milestoneId,
                                       String released, String serviceFee) {
        return entry(entryId, EntryCause.milestone("milestone-release", contractId, milestoneId),
                leg(LedgerAccounts.escrow(contractId), negated(released)),
                leg(LedgerAccounts.freelancerPending(freelancerId), difference(released, serviceFee)),
                leg(LedgerAccounts.SERVICE_FEES, serviceFee));
    }

    public static JournalEntry refund(String entryId, String clientId, String contractId, String amount) {
        return entry(entryId, EntryCause.contract("escrow-refund", contractId),
                leg(LedgerAccounts.escrow(contractId), negated(amount)),
                leg(LedgerAccounts.clientRefunds(clientId), amount));
    }

    public static JournalEntry entry(String entryId, EntryCause cause, JournalLeg... legs) {
        return new JournalEntry(entryId, AT, cause, FeeRates.UPWORK_DEFAULT, new ArrayList<>(List.of(legs)));
    }

    public static JournalLeg leg(LedgerAccount account, String usd) {
        return new JournalLeg(account, usd(usd));
    }

    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static String negated(String amount) {
        return usd(amount).negate().amount().toPlainString();
    }

    private static String sum(String first, String second) {
        return usd(first).plus(usd(second)).amount().toPlainString();
    }

    private static String difference(String first, String second) {
        return usd(first).minus(usd(second)).amount().toPlainString();
    }
}
