package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.CONTRACT_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.submitted;
import static io.freelance.ledger.command.escrow.EscrowScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.command.dispute.DisputedEscrow;
import io.freelance.ledger.command.dispute.EscrowAccountDisputes;
import io.freelance.ledger.command.dispute.HeldByDispute;
import io.freelance.ledger.command.dispute.ResponseDeadline;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.dispute.DisputeId;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeTerms;
import io.freelance.ledger.dispute.OpenMilestoneDisputeCommand;
import io.freelance.ledger.escrow.EscrowDisputeSettledEvent;
import io.freelance.ledger.escrow.MilestoneDisputedEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispute desk's hand on the real escrow account, in one event store: it holds a disputed milestone and
 * pays a settlement out, from inside a dispute's command or from a deadline, and a refusal records nothing.
 * Milestone m1 holds 100.00 USD and was submitted.
 */
class EscrowAccountDisputesTest {

    private static final String DISPUTE_ID = DisputeId.forMilestone(CONTRACT_ID, "m1");
    private static final Instant EARLIER = Instant.parse("2026-11-20T10:00:00Z");

    private EmbeddedEventStore store;
    private DisputedEscrow disputes;
    private int givenEvents;

    @BeforeEach
    void setUp() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        var accounts = EventSourcingRepository.builder(EscrowAccount.class).eventStore(store)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(EscrowAccount.class),
                        new SimpleResourceParameterResolverFactory(List.of(EscrowPolicy.defaults(),
                                new StubDeadlineManager()))))
                .build();
        disputes = new EscrowAccountDisputes(() -> accounts);
        for (Object event : List.of(opened(EARLIER), fundedWithNewMoney(M1, "fund-1", "5.00", EARLIER),
                submitted("m1", 1, EARLIER))) {
            store.publish(new GenericDomainEventMessage<>("EscrowAccount", ESCROW_ID, givenEvents++, event));
        }
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void theMilestoneIsHeldAsTheFreelancerWhoOpenedTheDispute() {
        HeldByDispute held = inDisputeCommand(() -> disputes.disputeMilestone(CONTRACT_ID, "m1", DISPUTE_ID, FREELANCER,
                "Delivered."));

        assertThat(held.amount()).isEqualTo(usd("100.00"));
        assertThat(held.parties().clientId()).isEqualTo(CLIENT.userId());
        assertThat(held.escrowVersion()).isEqualTo(3);
        DomainEventMessage<?> disputed = newEvents().get(0);
        assertThat(disputed.getPayload()).isInstanceOf(MilestoneDisputedEvent.class);
        assertThat(disputed.getMetaData()).containsEntry(Actor.USER_ID_KEY, FREELANCER.userId());
    }

    @Test
    void aDeadlineSettlesThroughTheAccountsOwnCommandAsTheService() {
        inDisputeCommand(() -> disputes.disputeMilestone(CONTRACT_ID, "m1", DISPUTE_ID, FREELANCER, "Delivered."));
        var deadline = GenericDeadlineMessage.asDeadlineMessage(ResponseDeadline.NAME, new ResponseDeadline(EARLIER),
                Instant.now()).andMetaData(Actor.SYSTEM.asMetaData());

        long version = inUnitOfWork(deadline, () -> disputes.settle(CONTRACT_ID, DISPUTE_ID, "m1",
                new DisputeTerms(DisputeOutcome.RELEASE_TO_FREELANCER, usd("100.00"), usd("0.00"))));

        assertThat(version).isEqualTo(4);
        DomainEventMessage<?> settled = newEvents().get(1);
        assertThat(settled.getPayload()).isInstanceOfSatisfying(EscrowDisputeSettledEvent.class, event -> {
            assertThat(event.releasedAmount()).isEqualTo(usd("100.00"));
            assertThat(event.serviceFee()).isEqualTo(usd("10.00"));
            assertThat(event.journalEntry().cause().disputeId()).isEqualTo(DISPUTE_ID);
        });
        assertThat(settled.getMetaData()).containsEntry(Actor.ROLE_KEY, "SYSTEM");
    }

    @Test
    void whatTheAccountRefusesRecordsNothing() {
        assertThatThrownBy(() -> inDisputeCommand(() -> disputes.disputeMilestone(CONTRACT_ID, "m1", DISPUTE_ID, CLIENT,
                "Mine.")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.error().rule()).isEqualTo("contract.freelancer-only"));
        assertThat(newEvents()).isEmpty();
    }

    /** As inside the Dispute's handler: the freelancer's opening command is the unit of work's message. */
    private static <T> T inDisputeCommand(Supplier<T> change) {
        var command = GenericCommandMessage.asCommandMessage(
                new OpenMilestoneDisputeCommand(DISPUTE_ID, CONTRACT_ID, "m1", "Delivered.")).andMetaData(FREELANCER.asMetaData());
        return inUnitOfWork(command, change);
    }

    private static <T> T inUnitOfWork(Message<?> message, Supplier<T> change) {
        var result = DefaultUnitOfWork.startAndGet(message).executeWithResult(change::get);
        if (result.isExceptional()) {
            throw (RuntimeException) result.exceptionResult();
        }
        return result.getPayload();
    }

    private List<? extends DomainEventMessage<?>> newEvents() {
        List<? extends DomainEventMessage<?>> all = store.readEvents(ESCROW_ID).asStream().toList();
        return all.subList(givenEvents, all.size());
    }
}
