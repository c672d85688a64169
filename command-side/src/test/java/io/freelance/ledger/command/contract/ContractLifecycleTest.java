package io.freelance.ledger.command.contract;

import static io.freelance.ledger.command.contract.ContractOffers.BUILD;
import static io.freelance.ledger.command.contract.ContractOffers.CONTRACT_ID;
import static io.freelance.ledger.command.contract.ContractOffers.DESIGN;
import static io.freelance.ledger.command.contract.ContractOffers.fixedPriceOffered;
import static io.freelance.ledger.command.contract.ContractOffers.hourlyOffered;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.CLIENT_ID_AS_FREELANCER;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.command.messaging.Room;
import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.command.escrow.EscrowAccountCloser;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.AggregateVersions;
import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractDeclinedEvent;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.DeclineContractCommand;
import io.freelance.ledger.contract.EndContractCommand;
import io.freelance.ledger.escrow.EscrowAccountClosedEvent;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.messaging.RoomId;
import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomOpenedEvent;
import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Accept, decline and end. The fixture records the events of one aggregate only, so the escrow account
 * that accepting a fixed-price contract creates is stored in an event store of its own, read back here.
 */
class ContractLifecycleTest {

    private static final String REASON = "Scope changed";

    private AggregateTestFixture<Contract> fixture;
    private EmbeddedEventStore escrowEventStore;
    private EmbeddedEventStore roomEventStore;
    private Instant offeredAt;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        escrowEventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Repository<EscrowAccount> escrowRepository =
                EventSourcingRepository.builder(EscrowAccount.class).eventStore(escrowEventStore).build();
        roomEventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Repository<Room> roomRepository = EventSourcingRepository.builder(Room.class).eventStore(roomEventStore).build();
        fixture.registerRepositoryProvider(providing(escrowRepository, roomRepository));
        fixture.registerInjectableResource(new EscrowAccountCloser(() -> escrowRepository, EscrowPolicy.defaults(),
                StubDeadlineManager::new));
        offeredAt = fixture.currentTime().minus(Duration.ofDays(1));
    }

    /** What accepting and ending answer: the versions to wait for, of the contract and of its escrow account. */
    private static AggregateVersion contractVersion(long version) {
        return new AggregateVersion("Contract", CONTRACT_ID, version);
    }

    /** Every accepted contract's room opens with it, at version 0. */
    private static AggregateVersion roomVersion() {
        return new AggregateVersion("Room", RoomId.forContract(CONTRACT_ID), 0);
    }

    private static AggregateVersion escrowVersion(long version) {
        return new AggregateVersion("EscrowAccount", EscrowAccountId.forContract(CONTRACT_ID), version);
    }

    @AfterEach
    void tearDown() {
        escrowEventStore.shutDown();
        roomEventStore.shutDown();
    }

    @Test
    void freelancerAcceptsHourlyContractWithoutEscrow() {
        fixture.given(hourlyOffered(offeredAt))
                .when(new AcceptContractCommand(CONTRACT_ID), as(FREELANCER))
                .expectEvents(accepted(ContractType.HOURLY))
                .expectResultMessagePayload(AggregateVersions.of(contractVersion(1), roomVersion()));
        assertThat(escrowEvents()).isEmpty();
    }

    @Test
    void acceptingFixedPriceContractOpensItsEscrowAccountWithTheOfferedMilestones() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new AcceptContractCommand(CONTRACT_ID), as(FREELANCER))
                .expectEvents(accepted(ContractType.FIXED_PRICE))
                .expectResultMessagePayload(AggregateVersions.of(contractVersion(1), escrowVersion(0), roomVersion()));
        assertThat(escrowEvents()).containsExactly(new EscrowAccountOpenedEvent(
                EscrowAccountId.forContract(CONTRACT_ID), CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), "USD",
                List.of(DESIGN, BUILD), fixture.currentTime()));
    }

    @Test
    void clientCannotAcceptTheirOwnOffer() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new AcceptContractCommand(CONTRACT_ID), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.freelancer-only"));
        assertThat(escrowEvents()).isEmpty();
    }

    @Test
    void nonPartyLearnsNothingAboutTheContract() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new AcceptContractCommand(CONTRACT_ID), as(OTHER_CLIENT))
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void partyIdInTheWrongRoleIsNotAParty() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new AcceptContractCommand(CONTRACT_ID), as(CLIENT_ID_AS_FREELANCER))
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void activeContractCannotBeAcceptedAgain() {
        fixture.given(fixedPriceOffered(offeredAt), accepted(ContractType.FIXED_PRICE))
                .when(new AcceptContractCommand(CONTRACT_ID), as(FREELANCER))
                .expectException(conflict("contractId", "contract.state"));
        assertThat(escrowEvents()).isEmpty();
    }

    @Test
    void declinedContractCannotBeAccepted() {
        fixture.given(fixedPriceOffered(offeredAt), new ContractDeclinedEvent(CONTRACT_ID, null, offeredAt))
                .when(new AcceptContractCommand(CONTRACT_ID), as(FREELANCER))
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void freelancerDeclinesOffer() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new DeclineContractCommand(CONTRACT_ID, "  Fully booked  "), as(FREELANCER))
                .expectEvents(new ContractDeclinedEvent(CONTRACT_ID, "Fully booked", fixture.currentTime()))
                .expectResultMessagePayload(1L);
    }

    @Test
    void declineReasonWithControlCharactersIsRefused() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new DeclineContractCommand(CONTRACT_ID, "Busy\u0000\u001b[0m"), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("reason", "reason.control-characters"));
    }

    @Test
    void clientCannotDeclineTheirOwnOffer() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new DeclineContractCommand(CONTRACT_ID, null), as(CLIENT))
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }

    @Test
    void nonPartyCannotDecline() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new DeclineContractCommand(CONTRACT_ID, null), as(OTHER_CLIENT))
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void activeContractCannotBeDeclined() {
        fixture.given(fixedPriceOffered(offeredAt), accepted(ContractType.FIXED_PRICE))
                .when(new DeclineContractCommand(CONTRACT_ID, null), as(FREELANCER))
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void clientEndsActiveContract() {
        openEscrowAccount();
        fixture.given(fixedPriceOffered(offeredAt), accepted(ContractType.FIXED_PRICE))
                .when(new EndContractCommand(CONTRACT_ID, REASON), as(CLIENT))
                .expectEvents(new ContractEndedEvent(CONTRACT_ID, ContractType.FIXED_PRICE, CLIENT.userId(), Role.CLIENT,
                        REASON, fixture.currentTime()))
                .expectResultMessagePayload(AggregateVersions.of(contractVersion(2), escrowVersion(1)));
    }

    /** One unit of work: no funding or approval can reach the account between the end and the close. */
    @Test
    void endingFixedPriceContractClosesItsEscrowAccountInTheSameStep() {
        openEscrowAccount();
        fixture.given(fixedPriceOffered(offeredAt), accepted(ContractType.FIXED_PRICE))
                .when(new EndContractCommand(CONTRACT_ID, REASON), as(CLIENT))
                .expectSuccessfulHandlerExecution();
        assertThat(escrowEvents()).last().isEqualTo(new EscrowAccountClosedEvent(EscrowAccountId.forContract(CONTRACT_ID),
                CONTRACT_ID, CLIENT.userId(), Role.CLIENT, Money.zero("USD"), fixture.currentTime()));
    }

    @Test
    void rejectedEndLeavesTheEscrowAccountOpen() {
        openEscrowAccount();
        fixture.given(fixedPriceOffered(offeredAt), accepted(ContractType.FIXED_PRICE))
                .when(new EndContractCommand(CONTRACT_ID, REASON), as(OTHER_CLIENT))
                .expectException(notFound("contractId", "contract.not-found"));
        assertThat(escrowEvents()).hasSize(1);
    }

    @Test
    void freelancerEndsActiveContract() {
        fixture.given(hourlyOffered(offeredAt), accepted(ContractType.HOURLY))
                .when(new EndContractCommand(CONTRACT_ID, null), as(FREELANCER))
                .expectEvents(new ContractEndedEvent(CONTRACT_ID, ContractType.HOURLY, FREELANCER.userId(),
                        Role.FREELANCER, null, fixture.currentTime()));
    }

    @Test
    void nonPartyCannotEndTheContract() {
        fixture.given(fixedPriceOffered(offeredAt), accepted(ContractType.FIXED_PRICE))
                .when(new EndContractCommand(CONTRACT_ID, REASON), as(OTHER_CLIENT))
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void offeredContractCannotBeEnded() {
        fixture.given(fixedPriceOffered(offeredAt))
                .when(new EndContractCommand(CONTRACT_ID, REASON), as(CLIENT))
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void endedContractCannotBeEndedAgain() {
        fixture.given(fixedPriceOffered(offeredAt), accepted(ContractType.FIXED_PRICE),
                        new ContractEndedEvent(CONTRACT_ID, ContractType.FIXED_PRICE, CLIENT.userId(), Role.CLIENT,
                                REASON, offeredAt))
                .when(new EndContractCommand(CONTRACT_ID, REASON), as(FREELANCER))
                .expectException(conflict("contractId", "contract.state"));
    }

    private ContractAcceptedEvent accepted(ContractType type) {
        return new ContractAcceptedEvent(CONTRACT_ID, type, CLIENT.userId(), FREELANCER.userId(), fixture.currentTime());
    }

    @Test
    void acceptingAContractOpensItsRoomWithTheClientAsOwnerAndTheFreelancerAsMember() {
        fixture.given(hourlyOffered(offeredAt))
                .when(new AcceptContractCommand(CONTRACT_ID), as(FREELANCER))
                .expectSuccessfulHandlerExecution();
        assertThat(roomEventStore.readEvents(RoomId.forContract(CONTRACT_ID)).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList())
                .containsExactly(new RoomOpenedEvent(RoomId.forContract(CONTRACT_ID), RoomType.CONTRACT, CONTRACT_ID, null,
                        List.of(new RoomMember(CLIENT.userId(), RoomRole.OWNER),
                                new RoomMember(FREELANCER.userId(), RoomRole.MEMBER)),
                        "system", fixture.currentTime()));
    }

    private List<Object> escrowEvents() {
        return escrowEventStore.readEvents(EscrowAccountId.forContract(CONTRACT_ID)).asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    /** The account a fixed-price acceptance opened, in the escrow's own event store. */
    private void openEscrowAccount() {
        String escrowAccountId = EscrowAccountId.forContract(CONTRACT_ID);
        escrowEventStore.publish(new GenericDomainEventMessage<>("EscrowAccount", escrowAccountId, 0,
                new EscrowAccountOpenedEvent(escrowAccountId, CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), "USD",
                        List.of(DESIGN, BUILD), offeredAt)));
    }

    private static RepositoryProvider providing(Repository<EscrowAccount> escrowRepository,
                                                Repository<Room> roomRepository) {
        return new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                if (aggregateType == Room.class) {
                    return (Repository<T>) roomRepository;
                }
                return aggregateType == EscrowAccount.class ? (Repository<T>) escrowRepository : null;
            }
        };
    }
}
