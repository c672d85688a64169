package io.freelance.ledger.command.diary;

import static io.freelance.ledger.command.diary.DiaryScenario.ACCEPTED_AT;
import static io.freelance.ledger.command.diary.DiaryScenario.CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.CONTRACT_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.TRACKED_WITH_MANUAL;
import static io.freelance.ledger.command.diary.DiaryScenario.WEDNESDAY_NOON;
import static io.freelance.ledger.command.diary.DiaryScenario.record;
import static io.freelance.ledger.command.diary.DiaryScenario.recorded;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.command.contract.Contract;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractPausedEvent;
import io.freelance.ledger.contract.ContractResumedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyContractOfferedEvent;
import io.freelance.ledger.contract.HourlyTerms;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The diary reading its real contract: the Contract aggregate rebuilt from its own events by its own
 * repository, in the unit of work of the diary command. The contract's events live in an event store of
 * their own, as the fixture records one aggregate only.
 */
class ContractRepositoryLookupTest {

    private static final Instant OFFERED_AT = ACCEPTED_AT.minusSeconds(3600);

    private AggregateTestFixture<WorkDiary> fixture;
    private EmbeddedEventStore contractEvents;
    private final AtomicLong nextSequence = new AtomicLong();

    @BeforeEach
    void setUp() {
        contractEvents = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Repository<Contract> contracts = EventSourcingRepository.builder(Contract.class).eventStore(contractEvents).build();
        fixture = new AggregateTestFixture<>(WorkDiary.class);
        fixture.registerInjectableResource(WorkDiaryPolicy.defaults());
        fixture.registerInjectableResource(new ContractRepositoryLookup(() -> contracts));
    }

    @AfterEach
    void tearDown() {
        contractEvents.shutDown();
    }

    @Test
    void timeIsRecordedUnderAnAcceptedContractWithTheTracker() {
        contractHas(offered(TRACKED_WITH_MANUAL), accepted());
        fixture.givenCurrentTime(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectEvents(recorded(CELL, WEDNESDAY_NOON));
    }

    @Test
    void noTimeIsRecordedWhileTheContractIsPaused() {
        contractHas(offered(TRACKED_WITH_MANUAL), accepted(), paused());
        fixture.givenCurrentTime(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void timeIsRecordedAgainOnceTheContractIsResumed() {
        contractHas(offered(TRACKED_WITH_MANUAL), accepted(), paused(),
                new ContractResumedEvent(CONTRACT_ID, "handler-1", Role.DISPUTE_HANDLER, null, ACCEPTED_AT));
        fixture.givenCurrentTime(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectEvents(recorded(CELL, WEDNESDAY_NOON));
    }

    @Test
    void aContractOfferedBeforeTheTrackerExistedHasNoTrackedTime() {
        contractHas(offered(new HourlyTerms(Money.of("40.00", "USD"), 20, true)), accepted());
        fixture.givenCurrentTime(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("contractId", "contract.tracker-not-opted-in"));
    }

    @Test
    void anOfferIsNotYetAContractToRecordTimeOn() {
        contractHas(offered(TRACKED_WITH_MANUAL));
        fixture.givenCurrentTime(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void aContractThatDoesNotExistIsNotFound() {
        fixture.givenCurrentTime(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    private void contractHas(Object... events) {
        for (Object event : events) {
            contractEvents.publish(new GenericDomainEventMessage<>("Contract", CONTRACT_ID, nextSequence.getAndIncrement(),
                    event));
        }
    }

    private static HourlyContractOfferedEvent offered(HourlyTerms terms) {
        return new HourlyContractOfferedEvent(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), "Build the login",
                terms, OFFERED_AT);
    }

    private static ContractAcceptedEvent accepted() {
        return new ContractAcceptedEvent(CONTRACT_ID, ContractType.HOURLY, CLIENT.userId(), FREELANCER.userId(), ACCEPTED_AT);
    }

    private static ContractPausedEvent paused() {
        return new ContractPausedEvent(CONTRACT_ID, "handler-1", Role.DISPUTE_HANDLER, "Hour dispute", ACCEPTED_AT);
    }
}
