package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded history of money movements over several days: clients fund escrow with a marketplace fee,
 * escrow pays freelancers less a service fee. Every other global index is another kind of event, and
 * timestamps jitter by seconds, so the store's order and the recorded times disagree near midnight, as
 * concurrent commits make them do.
 */
final class RandomHistory {

    static final Instant FIRST = Instant.parse("2026-10-01T00:20:00Z");

    private RandomHistory() {
    }

    static List<RecordedMovement> generate(long seed, int movements) {
        Random random = new Random(seed);
        List<RecordedMovement> history = new ArrayList<>();
        for (int number = 0; number < movements; number++) {
            String contract = "contract-" + random.nextInt(4);
            long cents = 500 + random.nextInt(100_000);
            long feeCents = cents / 20;
            Instant recordedAt = FIRST.plus(Duration.ofMinutes(37L * number)).plusSeconds(random.nextInt(7) - 3);
            Instant effectiveAt = recordedAt.minus(Duration.ofHours(random.nextInt(3) == 0 ? 30 : 0));
            List<JournalLeg> legs = random.nextBoolean()
                    ? List.of(leg(LedgerAccounts.clientCharges("client-" + random.nextInt(3)), -(cents + feeCents)),
                            leg(LedgerAccounts.escrow(contract), cents), leg(LedgerAccounts.MARKETPLACE_FEES, feeCents))
                    : List.of(leg(LedgerAccounts.escrow(contract), -cents),
                            leg(LedgerAccounts.freelancerPending("freelancer-" + random.nextInt(3)), cents - feeCents * 2),
                            leg(LedgerAccounts.SERVICE_FEES, feeCents * 2));
            JournalEntry entry = new JournalEntry("entry-" + number, effectiveAt,
                    EntryCause.contract("milestone-funding", contract), FeeRates.UPWORK_DEFAULT, new ArrayList<>(legs));
            history.add(new RecordedMovement(2L * number + 1, recordedAt, "TestMovement", entry));
        }
        return history;
    }

    /** What an account held as of the instant by recorded time, summed the obvious way. */
    static Money balanceAsOf(List<RecordedMovement> history, String account, Instant asOf) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (RecordedMovement movement : history) {
            if (!movement.recordedAt().isAfter(asOf)) {
                for (JournalLeg leg : movement.entry().legs()) {
                    if (leg.account().name().equals(account)) {
                        sum = sum.add(leg.amount().amount());
                    }
                }
            }
        }
        return new Money(sum, "USD");
    }

    static List<String> accounts(List<RecordedMovement> history) {
        return history.stream().flatMap(movement -> movement.entry().legs().stream())
                .map(leg -> leg.account().name()).distinct().sorted().toList();
    }

    private static JournalLeg leg(LedgerAccount account, long cents) {
        return new JournalLeg(account, new Money(BigDecimal.valueOf(cents, 2), "USD"));
    }
}
