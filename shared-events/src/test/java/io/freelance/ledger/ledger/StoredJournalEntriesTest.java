package io.freelance.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * The audit's token-by-token read of a stored entry must give exactly what the serializer gives, for every
 * entry the service can store, and must hand anything else to the serializer.
 */
class StoredJournalEntriesTest {

    private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY", "GBP");

    private final Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new LedgerSerializerCustomizer())
            .build();
    private final AtomicInteger fullReads = new AtomicInteger();
    private final Function<byte[], MilestoneFundedEvent> fullRead = json -> {
        fullReads.incrementAndGet();
        return serializer.deserialize(new SimpleSerializedObject<>(json, byte[].class,
                MilestoneFundedEvent.class.getName(), null));
    };

    @Test
    void readsThousandsOfRandomEntriesExactlyAsTheSerializerDoesWithoutBindingTheEvent() {
        Random random = new Random(2026);
        for (int number = 0; number < 5_000; number++) {
            JournalEntry entry = randomEntry(random, number);
            byte[] json = stored(funding(entry));

            assertThat(StoredJournalEntries.read(json, fullRead))
                    .isEqualTo(entry)
                    .isEqualTo(fullRead.apply(json).journalEntry());
        }
        assertThat(fullReads).hasValue(5_000); // only the comparisons above: the reader itself never fell back
    }

    @Test
    void anEventThatMovedNothingHasNoEntry() {
        byte[] json = stored(funding(null));

        assertThat(StoredJournalEntries.read(json, fullRead)).isNull();
        assertThat(fullReads).hasValue(0);
    }

    @Test
    void legsStoredBeforeTheyCarriedTheirKindReadAsTheSerializerReadsThem() throws IOException {
        byte[] json = resource("MilestoneFundedEvent-before-typed-accounts.json");

        JournalEntry read = StoredJournalEntries.read(json, fullRead);

        assertThat(read.legs()).extracting(JournalLeg::account).containsExactly(
                new LedgerAccount(AccountKind.CLIENT_CHARGES, "alice"),
                new LedgerAccount(AccountKind.ESCROW, "c1"),
                new LedgerAccount(AccountKind.MARKETPLACE_FEES, null));
        assertThat(read).isEqualTo(fullRead.apply(json).journalEntry());
    }

    @Test
    void aFieldItDoesNotKnowInsideTheEntryGoesToTheSerializer() {
        String json = storedText(randomEntry(new Random(1), 1)).replace("\"entryId\":", "\"addedLater\":\"x\",\"entryId\":");

        assertThat(serializerCallsReading(json)).isEqualTo(1);
    }

    @Test
    void anAmountStoredAsTextGoesToTheSerializerWhichRefusesItAsEveryReaderDoes() {
        String json = storedText(randomEntry(new Random(3), 3))
                .replaceFirst("\"amount\":\\{\"amount\":(-?[0-9.]+)", "\"amount\":{\"amount\":\"$1\"");

        assertThat(serializerCallsReading(json)).isEqualTo(1);
    }

    @Test
    void anUnbalancedStoredEntryFailsAsTheSerializerFailsOnIt() {
        String json = new String(stored(funding(twoLegEntry("10.00"))), StandardCharsets.UTF_8)
                .replace("\"amount\":10.00", "\"amount\":11.00");

        assertThatThrownBy(() -> StoredJournalEntries.read(json.getBytes(StandardCharsets.UTF_8), fullRead))
                .hasStackTraceContaining("does not balance");
    }

    private static JournalEntry randomEntry(Random random, int number) {
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        List<AccountKind> kinds = new ArrayList<>(List.of(AccountKind.values()));
        java.util.Collections.shuffle(kinds, random);
        int legCount = 2 + random.nextInt(kinds.size() - 1);
        int sign = random.nextBoolean() ? 1 : -1;
        List<JournalLeg> legs = new ArrayList<>();
        long sum = 0;
        for (int leg = 0; leg < legCount - 1; leg++) {
            long minor = sign * (1 + random.nextInt(1_000_000));
            sum += minor;
            legs.add(new JournalLeg(account(kinds.get(leg), random), amount(minor, currency)));
        }
        legs.add(new JournalLeg(account(kinds.get(legCount - 1), random), amount(-sum, currency)));
        EntryCause cause = new EntryCause("kind-" + random.nextInt(5), "contract-" + number,
                random.nextBoolean() ? "m-" + number : null, random.nextBoolean() ? "invoice-" + number : null,
                random.nextBoolean() ? "dispute-" + number : null);
        FeeRates rates = random.nextBoolean() ? FeeRates.UPWORK_DEFAULT : null;
        Instant effectiveAt = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000) * 1_000_000L);
        return new JournalEntry("entry-" + number, effectiveAt, cause, rates, legs);
    }

    private static JournalEntry twoLegEntry(String amount) {
        return new JournalEntry("entry-two", Instant.parse("2026-11-01T10:00:00Z"), EntryCause.contract("test", "c1"),
                FeeRates.UPWORK_DEFAULT, List.of(
                        new JournalLeg(LedgerAccounts.escrow("c1"), Money.of("-" + amount, "USD")),
                        new JournalLeg(LedgerAccounts.clientRefunds("alice"), Money.of(amount, "USD"))));
    }

    private static LedgerAccount account(AccountKind kind, Random random) {
        return new LedgerAccount(kind, kind.owner() == AccountOwner.PLATFORM ? null : "owner-" + random.nextInt(50));
    }

    private static Money amount(long minorUnits, String currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scale(currency)), currency);
    }

    private static int scale(String currency) {
        return java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    }

    private static MilestoneFundedEvent funding(JournalEntry entry) {
        Money zero = Money.zero("USD");
        return new MilestoneFundedEvent("escrow-c1", "c1", "m-1", "request-1", zero, zero, zero, zero, entry,
                Instant.parse("2026-11-01T10:00:00Z"));
    }

    /** How often reading {@code json} called the serializer: once when the reader did not take the shape as today's. */
    private static int serializerCallsReading(String json) {
        AtomicInteger calls = new AtomicInteger();
        StoredJournalEntries.read(json.getBytes(StandardCharsets.UTF_8), bytes -> {
            calls.incrementAndGet();
            return funding(null);
        });
        return calls.get();
    }

    private String storedText(JournalEntry entry) {
        return new String(stored(funding(entry)), StandardCharsets.UTF_8);
    }

    private byte[] stored(Object event) {
        return serializer.serialize(event, byte[].class).getData();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StoredJournalEntriesTest.class.getResourceAsStream("/stored-events/" + name)) {
            return in.readAllBytes();
        }
    }
}
