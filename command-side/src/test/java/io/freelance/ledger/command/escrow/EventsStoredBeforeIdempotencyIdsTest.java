package io.freelance.ledger.command.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * Funding and release events written before the idempotency id had its name carry it as {@code requestId},
 * and releases carry no arguments fingerprint. The JSON under {@code stored-events/} is what the service
 * stored then (Axon's Jackson 3 serializer with the service's settings); it must still read, and the
 * account rebuilt from it must still recognise those requests.
 */
class EventsStoredBeforeIdempotencyIdsTest {

    private static final String ESCROW_ID = "escrow-c1";
    private static final Actor ALICE = new Actor("alice", Role.CLIENT);

    private final Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new LedgerSerializerCustomizer())
            .build();

    @Test
    void fundingStoredWithARequestIdReadsItAsTheIdempotencyId() {
        MilestoneFundedEvent funded = stored("MilestoneFundedEvent-before-idempotency-ids.json", MilestoneFundedEvent.class);

        assertThat(funded.idempotencyId()).isEqualTo("fund-id-1");
        assertThat(funded.milestoneId()).isEqualTo("m1");
        assertThat(funded.chargedToClient()).isEqualTo(Money.of("100.00", "USD"));
    }

    @Test
    void releaseStoredWithARequestIdReadsItAsTheIdempotencyIdWithoutAFingerprint() {
        MilestoneReleasedEvent released = stored("MilestoneReleasedEvent-before-idempotency-ids.json",
                MilestoneReleasedEvent.class);

        assertThat(released.idempotencyId()).isEqualTo("approve-id-1");
        assertThat(released.idempotencyFingerprint()).isNull();
        assertThat(released.releasedAmount()).isEqualTo(Money.of("100.00", "USD"));
        assertThat(released.note()).isEqualTo("Thanks");
    }

    @Test
    void newEventsAreWrittenUnderTheNewNamesAndReadBack() {
        MilestoneReleasedEvent old = stored("MilestoneReleasedEvent-before-idempotency-ids.json",
                MilestoneReleasedEvent.class);
        MilestoneReleasedEvent current = new MilestoneReleasedEvent(old.escrowAccountId(), old.contractId(),
                old.milestoneId(), old.freelancerId(), old.reason(), "approve-id-2", "0f".repeat(32),
                old.releasedAmount(), old.serviceFee(), old.remainderInEscrow(), old.note(), old.journalEntry(),
                old.releasedAt(), old.availableAt());

        SerializedObject<byte[]> written = serializer.serialize(current, byte[].class);
        String json = new String(written.getData(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"idempotencyId\":\"approve-id-2\"", "\"idempotencyFingerprint\":\"" + "0f".repeat(32))
                .doesNotContain("requestId");
        assertThat((Object) serializer.deserialize(written)).isEqualTo(current);
    }

    @Test
    void accountRebuiltFromOldEventsStillRecognisesTheirRetries() {
        MilestoneFundedEvent funded = stored("MilestoneFundedEvent-before-idempotency-ids.json", MilestoneFundedEvent.class);
        MilestoneReleasedEvent released = stored("MilestoneReleasedEvent-before-idempotency-ids.json",
                MilestoneReleasedEvent.class);
        AggregateTestFixture<EscrowAccount> fixture = new AggregateTestFixture<>(EscrowAccount.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());

        fixture.given(opened(), funded, released)
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-id-1"), ALICE.asMetaData())
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        // Without a fingerprint, an approval is compared by its milestone alone, as before.
        fixture.given(opened(), funded, released)
                .when(new ApproveMilestoneCommand(ESCROW_ID, "m1", null, Money.of("5.00", "USD"), null, "approve-id-1"),
                        ALICE.asMetaData())
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    private static EscrowAccountOpenedEvent opened() {
        MilestoneTerms design = new MilestoneTerms("m1", "Design", Money.of("100.00", "USD"), LocalDate.of(2026, 2, 1));
        return new EscrowAccountOpenedEvent(ESCROW_ID, "c1", "alice", "carol", "USD", List.of(design),
                Instant.parse("2026-01-05T09:00:00Z"));
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
