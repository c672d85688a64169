package io.freelance.ledger.query.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CanonicalEntryTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:30:00.123Z");
    private static final EntryCause CAUSE = EntryCause.milestone("milestone-funding", "contract-1", "m-1");
    private static final ChainedEvent EVENT = new ChainedEvent("event-1", "MilestoneFundedEvent", 41);
    private static final String PREVIOUS = "ab".repeat(32);

    @Test
    void theHashOfAnEntryIsFixedByTheEncodingAndNeverChangesBetweenRuns() {
        CanonicalEntry canonical = CanonicalEntry.of(7, 6, PREVIOUS, funding("500.00", "25.00"), EVENT);

        // The SHA-256 of the encoding the next test spells out, computed outside Java (sha256sum). A change
        // here breaks every chain already stored.
        assertThat(canonical.hash()).isEqualTo(CanonicalEntry.of(7, 6, PREVIOUS, funding("500.00", "25.00"), EVENT).hash())
                .isEqualTo("3d4fd7587299e822c95b88ab055446ee4a5686de6803e599c92bb915657a1025");
    }

    @Test
    void theEncodingWritesExactAmountsAndNamesEveryField() {
        String encoded = new String(CanonicalEntry.of(7, 6, PREVIOUS, funding("500.00", "25.00"), EVENT).encoded(),
                StandardCharsets.UTF_8);

        assertThat(encoded).startsWith("version=15:journal-chain/1\nsequence=1:7\npreviousSequence=1:6\n")
                .contains("effectiveAt=24:2026-11-02T09:30:00.123Z\n")
                .contains("legs[0].account=20:client:alice:charges\nlegs[0].currency=3:USD\nlegs[0].amount=7:-525.00\n")
                .contains("feeRates.freelancerServiceFeePercent=2:10\n")
                .contains("cause.invoiceId=-\n")
                .endsWith("event.id=7:event-1\nevent.type=20:MilestoneFundedEvent\nevent.position=2:41\n");
    }

    @Test
    void changingAnyFieldChangesTheHash() {
        JournalEntry entry = funding("500.00", "25.00");
        Map<String, Function<JournalEntry, CanonicalEntry>> variants = Map.ofEntries(
                Map.entry("original", e -> CanonicalEntry.of(7, 6, PREVIOUS, e, EVENT)),
                Map.entry("sequence", e -> CanonicalEntry.of(8, 6, PREVIOUS, e, EVENT)),
                Map.entry("previous sequence", e -> CanonicalEntry.of(7, 5, PREVIOUS, e, EVENT)),
                Map.entry("previous hash", e -> CanonicalEntry.of(7, 6, "cd".repeat(32), e, EVENT)),
                Map.entry("event id", e -> CanonicalEntry.of(7, 6, PREVIOUS, e, new ChainedEvent("event-2", "MilestoneFundedEvent", 41))),
                Map.entry("event type", e -> CanonicalEntry.of(7, 6, PREVIOUS, e, new ChainedEvent("event-1", "FundsAvailableEvent", 41))),
                Map.entry("event position", e -> CanonicalEntry.of(7, 6, PREVIOUS, e, new ChainedEvent("event-1", "MilestoneFundedEvent", 42))),
                Map.entry("entry id", e -> of(withEntryId(e, "entry-2"))),
                Map.entry("effective time", e -> of(new JournalEntry(e.entryId(), AT.plusMillis(1), e.cause(), e.feeRates(), e.legs()))),
                Map.entry("cause kind", e -> of(withCause(e, EntryCause.milestone("milestone-release", "contract-1", "m-1")))),
                Map.entry("cause contract", e -> of(withCause(e, EntryCause.milestone("milestone-funding", "contract-2", "m-1")))),
                Map.entry("cause milestone", e -> of(withCause(e, EntryCause.milestone("milestone-funding", "contract-1", "m-2")))),
                Map.entry("cause invoice", e -> of(withCause(e, new EntryCause("milestone-funding", "contract-1", "m-1", "i-1", null)))),
                Map.entry("cause dispute", e -> of(withCause(e, new EntryCause("milestone-funding", "contract-1", "m-1", null, "d-1")))),
                Map.entry("fee rates", e -> of(new JournalEntry(e.entryId(), AT, e.cause(), new FeeRates(BigDecimal.TEN, BigDecimal.ONE), e.legs()))),
                Map.entry("no fee rates", e -> of(new JournalEntry(e.entryId(), AT, e.cause(), null, e.legs()))),
                Map.entry("amounts", e -> of(funding("400.00", "25.00"))),
                Map.entry("one cent", e -> of(funding("500.01", "24.99"))),
                Map.entry("account", e -> of(new JournalEntry(e.entryId(), AT, e.cause(), e.feeRates(), List.of(
                        new JournalLeg(LedgerAccounts.clientCharges("bob"), usd("-525.00")), e.legs().get(1), e.legs().get(2))))),
                Map.entry("currency", e -> of(new JournalEntry(e.entryId(), AT, e.cause(), e.feeRates(), List.of(
                        new JournalLeg(LedgerAccounts.clientCharges("alice"), Money.of("-525.00", "EUR")),
                        new JournalLeg(LedgerAccounts.escrow("contract-1"), Money.of("525.00", "EUR")))))),
                Map.entry("leg order", e -> of(new JournalEntry(e.entryId(), AT, e.cause(), e.feeRates(),
                        List.of(e.legs().get(1), e.legs().get(0), e.legs().get(2))))));

        Set<String> hashes = new HashSet<>();
        variants.values().forEach(variant -> hashes.add(variant.apply(entry).hash()));

        assertThat(hashes).hasSize(variants.size());
    }

    @Test
    void aValueHoldingTheSeparatorsCannotPassForAnotherField() {
        JournalEntry plain = withCause(funding("500.00", "25.00"), new EntryCause("kind", "c\ncause.milestoneId=1:x", null, null, null));
        JournalEntry split = withCause(funding("500.00", "25.00"), new EntryCause("kind", "c", "x", null, null));

        assertThat(of(plain).hash()).isNotEqualTo(of(split).hash());
    }

    @Test
    void differencesNameTheFieldsThatChanged() {
        CanonicalEntry recorded = of(funding("500.00", "25.00"));
        CanonicalEntry altered = of(funding("400.00", "25.00"));

        assertThat(recorded.differencesFrom(altered, "recorded", "now")).containsExactly(
                "legs[0].amount: recorded -525.00, now -425.00",
                "legs[1].amount: recorded 500.00, now 400.00");
    }

    private static CanonicalEntry of(JournalEntry entry) {
        return CanonicalEntry.of(7, 6, PREVIOUS, entry, EVENT);
    }

    private static JournalEntry funding(String deposit, String fee) {
        Money charged = usd(deposit).plus(usd(fee));
        return new JournalEntry("entry-1", AT, CAUSE, FeeRates.UPWORK_DEFAULT, List.of(
                new JournalLeg(LedgerAccounts.clientCharges("alice"), charged.negate()),
                new JournalLeg(LedgerAccounts.escrow("contract-1"), usd(deposit)),
                new JournalLeg(LedgerAccounts.MARKETPLACE_FEES, usd(fee))));
    }

    private static JournalEntry withEntryId(JournalEntry entry, String entryId) {
        return new JournalEntry(entryId, entry.effectiveAt(), entry.cause(), entry.feeRates(), entry.legs());
    }

    private static JournalEntry withCause(JournalEntry entry, EntryCause cause) {
        return new JournalEntry(entry.entryId(), entry.effectiveAt(), cause, entry.feeRates(), entry.legs());
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
