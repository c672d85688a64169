package io.freelance.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * Journal legs stored before legs carried their account's kind and owner hold only {@code account} (the
 * name) and {@code amount}. The JSON under {@code stored-events/} is what the service stored then (Axon's
 * Jackson 3 serializer with the service's settings); between them the four events name every kind of
 * account, and each must read back with its kind and owner.
 */
class LegsStoredBeforeTypedAccountsTest {

    private final Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new LedgerSerializerCustomizer())
            .build();

    @Test
    void aFundingReadsTheClientsChargesEscrowAndMarketplaceFees() {
        MilestoneFundedEvent funded = stored("MilestoneFundedEvent-before-typed-accounts.json", MilestoneFundedEvent.class);

        assertThat(accountsOf(funded.journalEntry())).containsExactly(
                new LedgerAccount(AccountKind.CLIENT_CHARGES, "alice"),
                new LedgerAccount(AccountKind.ESCROW, "c1"),
                new LedgerAccount(AccountKind.MARKETPLACE_FEES, null));
        assertThat(funded.journalEntry().amountOn(LedgerAccounts.clientCharges("alice"), "USD"))
                .isEqualTo(Money.of("-105.00", "USD"));
    }

    @Test
    void aReleaseReadsEscrowTheFreelancersPendingAndServiceFees() {
        MilestoneReleasedEvent released = stored("MilestoneReleasedEvent-before-typed-accounts.json",
                MilestoneReleasedEvent.class);

        assertThat(accountsOf(released.journalEntry())).containsExactly(
                new LedgerAccount(AccountKind.ESCROW, "c1"),
                new LedgerAccount(AccountKind.FREELANCER_PENDING, "carol"),
                new LedgerAccount(AccountKind.SERVICE_FEES, null));
        assertThat(released.journalEntry().legs().get(1).account().userId()).isEqualTo("carol");
    }

    @Test
    void fundsBecomingAvailableReadTheFreelancersPendingAndAvailable() {
        FundsAvailableEvent available = stored("FundsAvailableEvent-before-typed-accounts.json", FundsAvailableEvent.class);

        assertThat(accountsOf(available.journalEntry())).containsExactly(
                new LedgerAccount(AccountKind.FREELANCER_PENDING, "carol"),
                new LedgerAccount(AccountKind.FREELANCER_AVAILABLE, "carol"));
    }

    @Test
    void aRefundReadsEscrowAndTheClientsRefunds() {
        EscrowRefundedEvent refunded = stored("EscrowRefundedEvent-before-typed-accounts.json", EscrowRefundedEvent.class);

        assertThat(accountsOf(refunded.journalEntry())).containsExactly(
                new LedgerAccount(AccountKind.ESCROW, "c2"),
                new LedgerAccount(AccountKind.CLIENT_REFUNDS, "alice"));
        assertThat(refunded.journalEntry().legs().get(1).account().kind().owner()).isEqualTo(AccountOwner.CLIENT);
    }

    @Test
    void newLegsAreWrittenWithTheNameAsBeforeAndTheirKindAndOwnerAndReadBack() {
        MilestoneReleasedEvent old = stored("MilestoneReleasedEvent-before-typed-accounts.json", MilestoneReleasedEvent.class);

        SerializedObject<byte[]> written = serializer.serialize(old, byte[].class);
        String json = new String(written.getData(), StandardCharsets.UTF_8);

        assertThat(json).contains("{\"account\":\"freelancer:carol:pending\",\"kind\":\"FREELANCER_PENDING\",\"ownerId\":\"carol\",",
                "{\"account\":\"platform:fees:service\",\"kind\":\"SERVICE_FEES\",\"ownerId\":null,");
        assertThat((Object) serializer.deserialize(written)).isEqualTo(old);
    }

    @Test
    void aLegWhoseNameDisagreesWithItsKindAndOwnerIsRefused() {
        JournalEntry entry = new JournalEntry("e-1", Instant.parse("2026-01-05T10:00:00Z"),
                EntryCause.contract("escrow-refund", "c1"), FeeRates.UPWORK_DEFAULT, List.of(
                new JournalLeg(LedgerAccounts.escrow("c1"), Money.of("-1.00", "USD")),
                new JournalLeg(LedgerAccounts.clientRefunds("alice"), Money.of("1.00", "USD"))));
        byte[] json = new String(serializer.serialize(entry, byte[].class).getData(), StandardCharsets.UTF_8)
                .replace("\"account\":\"client:alice:refunds\"", "\"account\":\"client:bob:refunds\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serializer.deserialize(
                new SimpleSerializedObject<>(json, byte[].class, JournalEntry.class.getName(), null)))
                .hasStackTraceContaining("client:bob:refunds");
    }

    private static List<LedgerAccount> accountsOf(JournalEntry entry) {
        return entry.legs().stream().map(JournalLeg::account).toList();
    }

    private <T> T stored(String file, Class<T> type) {
        try (InputStream json = getClass().getResourceAsStream("/stored-events/" + file)) {
            assertThat(json).as(file).isNotNull();
            return serializer.deserialize(new SimpleSerializedObject<>(json.readAllBytes(), byte[].class, type.getName(), null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
