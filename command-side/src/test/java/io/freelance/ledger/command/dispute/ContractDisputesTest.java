package io.freelance.ledger.command.dispute;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.command.contract.Contract;
import io.freelance.ledger.command.escrow.EscrowCloser;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractPausedEvent;
import io.freelance.ledger.contract.ContractResumedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyContractOfferedEvent;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.dispute.ContractDisputeClosedEvent;
import io.freelance.ledger.dispute.ContractDisputeOpenedEvent;
import io.freelance.ledger.dispute.ContractDisputesId;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register that holds a contract paused while any of its disputes is open, with the real contract
 * aggregate in the same event store: each change runs in one unit of work, as inside the invoice's handler.
 */
class ContractDisputesTest {

    private static final String CONTRACT_ID = "contract-1";
    private static final String REGISTER_ID = ContractDisputesId.forContract(CONTRACT_ID);
    private static final Instant ACCEPTED_AT = Instant.parse("2026-11-02T08:00:00Z");
    private static final String WEEK_48 = "hour-dispute-contract-1.2026-W48";
    private static final String WEEK_49 = "hour-dispute-contract-1.2026-W49";

    private EmbeddedEventStore store;
    private DisputeRegister register;
    private final List<Object> contractEvents = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        var contracts = EventSourcingRepository.builder(Contract.class).eventStore(store)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Contract.class),
                        new SimpleResourceParameterResolverFactory(List.of(EscrowPolicy.defaults(),
                                (EscrowCloser) (contractId, endedBy) -> {
                                    throw new AssertionError("An hourly contract has no escrow account");
                                }))))
                .build();
        var registers = EventSourcingRepository.builder(ContractDisputes.class).eventStore(store).build();
        register = new ContractDisputesRegister(() -> registers, () -> contracts);
        givenContract(new HourlyContractOfferedEvent(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), "Support",
                        new HourlyTerms(Money.of("40.00", "USD"), 20, true, true), ACCEPTED_AT.minusSeconds(3600)),
                new ContractAcceptedEvent(CONTRACT_ID, ContractType.HOURLY, CLIENT.userId(), FREELANCER.userId(), ACCEPTED_AT));
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void theFirstDisputePausesTheContractAsTheService() {
        inUnitOfWork(() -> register.disputeOpened(CONTRACT_ID, WEEK_48, "invoice-48"));

        assertThat(newContractEvents()).singleElement().isInstanceOfSatisfying(ContractPausedEvent.class, paused -> {
            assertThat(paused.pausedBy()).isEqualTo("system");
            assertThat(paused.pausedByRole()).isEqualTo(Role.SYSTEM);
            assertThat(paused.reason()).contains("invoice-48", WEEK_48);
        });
        assertThat(registerEvents()).singleElement().isInstanceOfSatisfying(ContractDisputeOpenedEvent.class, opened ->
                assertThat(opened).extracting("contractDisputesId", "disputeId", "invoiceId", "contractPaused")
                        .containsExactly(REGISTER_ID, WEEK_48, "invoice-48", true));
    }

    @Test
    void theContractResumesOnlyWhenItsLastOpenDisputeIsSettled() {
        inUnitOfWork(() -> register.disputeOpened(CONTRACT_ID, WEEK_48, "invoice-48"));
        inUnitOfWork(() -> register.disputeOpened(CONTRACT_ID, WEEK_49, "invoice-49"));
        inUnitOfWork(() -> register.disputeSettled(CONTRACT_ID, WEEK_48));

        assertThat(newContractEvents()).hasExactlyElementsOfTypes(ContractPausedEvent.class);

        inUnitOfWork(() -> register.disputeSettled(CONTRACT_ID, WEEK_49));

        assertThat(newContractEvents()).hasExactlyElementsOfTypes(ContractPausedEvent.class, ContractResumedEvent.class);
        assertThat(registerEvents()).extracting(Object::getClass).containsExactly(ContractDisputeOpenedEvent.class,
                ContractDisputeOpenedEvent.class, ContractDisputeClosedEvent.class, ContractDisputeClosedEvent.class);
        assertThat((ContractDisputeClosedEvent) registerEvents().get(2)).extracting("contractResumed", "disputesStillOpen")
                .containsExactly(false, 1);
        assertThat((ContractDisputeClosedEvent) registerEvents().get(3)).extracting("contractResumed", "disputesStillOpen")
                .containsExactly(true, 0);
    }

    @Test
    void openingOrSettlingADisputeAgainChangesNothing() {
        inUnitOfWork(() -> register.disputeOpened(CONTRACT_ID, WEEK_48, "invoice-48"));
        inUnitOfWork(() -> register.disputeOpened(CONTRACT_ID, WEEK_48, "invoice-48"));
        inUnitOfWork(() -> register.disputeSettled(CONTRACT_ID, WEEK_48));
        inUnitOfWork(() -> register.disputeSettled(CONTRACT_ID, WEEK_48));
        inUnitOfWork(() -> register.disputeOpened(CONTRACT_ID, WEEK_48, "invoice-48"));

        assertThat(registerEvents()).extracting(Object::getClass)
                .containsExactly(ContractDisputeOpenedEvent.class, ContractDisputeClosedEvent.class);
        assertThat(newContractEvents()).hasExactlyElementsOfTypes(ContractPausedEvent.class, ContractResumedEvent.class);
    }

    @Test
    void aContractThatHasEndedIsNeitherPausedNorResumed() {
        givenContract(new ContractEndedEvent(CONTRACT_ID, ContractType.HOURLY, CLIENT.userId(), Role.CLIENT, null, ACCEPTED_AT));

        inUnitOfWork(() -> register.disputeOpened(CONTRACT_ID, WEEK_48, "invoice-48"));
        inUnitOfWork(() -> register.disputeSettled(CONTRACT_ID, WEEK_48));

        assertThat(newContractEvents()).isEmpty();
        assertThat(registerEvents()).hasSize(2);
    }

    @Test
    void aPauseADisputeHandlerMadeIsTheirsToLift() {
        givenContract(new ContractPausedEvent(CONTRACT_ID, "handler-1", Role.DISPUTE_HANDLER, "Investigating", ACCEPTED_AT));

        inUnitOfWork(() -> register.disputeOpened(CONTRACT_ID, WEEK_48, "invoice-48"));
        inUnitOfWork(() -> register.disputeSettled(CONTRACT_ID, WEEK_48));

        assertThat(newContractEvents()).isEmpty();
        assertThat(((ContractDisputeOpenedEvent) registerEvents().get(0)).contractPaused()).isFalse();
    }

    private void givenContract(Object... events) {
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>("Contract", CONTRACT_ID, contractEvents.size(), event));
            contractEvents.add(event);
        }
    }

    /** The contract's events recorded since the given ones. */
    private List<Object> newContractEvents() {
        List<Object> all = store.readEvents(CONTRACT_ID).asStream().<Object>map(EventMessage::getPayload).toList();
        return all.subList(contractEvents.size(), all.size());
    }

    private List<Object> registerEvents() {
        return store.readEvents(REGISTER_ID).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    /** As inside the invoice's handler: the client's dispute command is the unit of work's message. */
    private static void inUnitOfWork(Runnable change) {
        var command = GenericCommandMessage.asCommandMessage(new DisputeInvoiceHoursCommand("invoice-48", List.of(), "x"))
                .andMetaData(CLIENT.asMetaData());
        DefaultUnitOfWork.startAndGet(command).execute(change);
    }
}
