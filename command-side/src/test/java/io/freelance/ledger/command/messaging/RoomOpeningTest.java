package io.freelance.ledger.command.messaging;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.failure.CommandFailures;
import io.freelance.ledger.messaging.CreateGroupRoomCommand;
import io.freelance.ledger.messaging.CreateOneOnOneRoomCommand;
import io.freelance.ledger.messaging.OpenContractRoomCommand;
import io.freelance.ledger.messaging.PostRoomStoryCommand;
import io.freelance.ledger.messaging.RoomId;
import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomOpenedEvent;
import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/** How rooms come to be: a contract's by the service, a one-on-one at most once per pair, a group by its owner. */
class RoomOpeningTest extends RoomTestBase {

    private static final OpenContractRoomCommand OPEN_CONTRACT_ROOM =
            new OpenContractRoomCommand(CONTRACT_ROOM, CONTRACT_ID, CLIENT.userId(), FREELANCER.userId());

    @Test
    void theServiceOpensAContractRoomWithTheClientAsOwnerAndTheFreelancerAsMember() {
        fixture.givenCurrentTime(OPENED_AT).andGiven()
                .when(OPEN_CONTRACT_ROOM, as(Actor.SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectEvents(contractRoomOpened());
    }

    @Test
    void openingAContractRoomAgainChangesNothing() {
        given(contractRoomOpened())
                .when(OPEN_CONTRACT_ROOM, as(Actor.SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheServiceOpensAContractRoom() {
        given()
                .when(OPEN_CONTRACT_ROOM, as(CLIENT))
                .expectException(forbidden("contractId", "room.contract-room-by-service"));
    }

    @Test
    void aContractRoomIdDerivesFromItsContract() {
        given()
                .when(new OpenContractRoomCommand(RoomId.forContract("contract-2"), CONTRACT_ID, CLIENT.userId(),
                        FREELANCER.userId()), as(Actor.SYSTEM))
                .expectException(badRequest("roomId", "roomId.format"));
    }

    @Test
    void aOneOnOneRoomHoldsTheTwoUsersAsMembers() {
        fixture.givenCurrentTime(OPENED_AT).andGiven()
                .when(new CreateOneOnOneRoomCommand(ONE_ON_ONE, FREELANCER.userId()), as(CLIENT))
                .expectEvents(oneOnOneOpened());
    }

    @Test
    void aSecondOneOnOneCreationByEitherUserChangesNothing() {
        given(oneOnOneOpened())
                .when(new CreateOneOnOneRoomCommand(ONE_ON_ONE, CLIENT.userId()), as(FREELANCER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectNoEvents();
    }

    @Test
    void nobodyHasAOneOnOneRoomWithThemselves() {
        given()
                .when(new CreateOneOnOneRoomCommand(RoomId.forOneOnOne(CLIENT.userId(), CLIENT.userId()), CLIENT.userId()),
                        as(CLIENT))
                .expectException(badRequest("userId", "userId.self"));
    }

    @Test
    void aOneOnOneRoomIdDerivesFromThePair() {
        given()
                .when(new CreateOneOnOneRoomCommand(RoomId.forOneOnOne(CLIENT.userId(), "someone-else"),
                        FREELANCER.userId()), as(CLIENT))
                .expectException(badRequest("roomId", "roomId.format"));
    }

    @Test
    void financeAndDisputeHandlersOpenNoRooms() {
        given()
                .when(new CreateOneOnOneRoomCommand(RoomId.forOneOnOne(FINANCE.userId(), CLIENT.userId()), CLIENT.userId()),
                        as(FINANCE))
                .expectException(forbidden("roomId", "room.marketplace-users-only"));
        given()
                .when(new CreateGroupRoomCommand(RoomId.forGroup(HANDLER.userId(), "k"), TOPIC, List.of(CLIENT.userId())),
                        as(HANDLER))
                .expectException(forbidden("roomId", "room.marketplace-users-only"));
    }

    @Test
    void theCreatorOwnsAGroupRoomAndEachNamedUserJoinsOnceAsAMember() {
        fixture.givenCurrentTime(OPENED_AT).andGiven()
                .when(new CreateGroupRoomCommand(GROUP, "  " + TOPIC + " ",
                        List.of(FREELANCER.userId(), CLIENT.userId(), MEMBER.userId(), FREELANCER.userId())), as(CLIENT))
                .expectEvents(groupOpened());
    }

    @Test
    void aRetriedGroupCreationChangesNothing() {
        given(groupOpened())
                .when(new CreateGroupRoomCommand(GROUP, TOPIC, List.of(FREELANCER.userId(), MEMBER.userId())), as(CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aKeyReusedForAnotherGroupRoomIsRefused() {
        given(groupOpened())
                .when(new CreateGroupRoomCommand(GROUP, "Another topic", List.of(FREELANCER.userId())), as(CLIENT))
                .expectException(conflict("idempotencyKey", "room.key-reused"));
    }

    @Test
    void aGroupRoomNeedsATopic() {
        given()
                .when(new CreateGroupRoomCommand(GROUP, "  ", List.of(FREELANCER.userId())), as(CLIENT))
                .expectException(badRequest("topic", "topic.required"));
    }

    @Test
    void aGroupRoomHoldsAtMostAHundredMembers() {
        List<String> others = IntStream.rangeClosed(1, 100).mapToObj(n -> "freelancer-" + (100 + n)).toList();
        given()
                .when(new CreateGroupRoomCommand(GROUP, TOPIC, others), as(CLIENT))
                .expectException(conflict("memberIds", "room.full"));
    }

    @Test
    void aGroupRoomOfExactlyAHundredMembersOpens() {
        List<String> others = IntStream.rangeClosed(1, 99).mapToObj(n -> "freelancer-" + (100 + n)).toList();
        List<RoomMember> members = new ArrayList<>(List.of(new RoomMember(CLIENT.userId(), RoomRole.OWNER)));
        others.forEach(id -> members.add(new RoomMember(id, RoomRole.MEMBER)));
        fixture.givenCurrentTime(OPENED_AT).andGiven()
                .when(new CreateGroupRoomCommand(GROUP, TOPIC, others), as(CLIENT))
                .expectEvents(new RoomOpenedEvent(GROUP, RoomType.GROUP, null, TOPIC, members, CLIENT.userId(), OPENED_AT));
    }

    @Test
    void aMemberIdMustBeAnId() {
        given()
                .when(new CreateGroupRoomCommand(GROUP, TOPIC, List.of(FREELANCER.userId(), "bad id")), as(CLIENT))
                .expectException(badRequest("memberIds[1]", "memberIds.format"));
    }

    @Test
    void aRoomThatWasNeverOpenedIsNotFound() {
        given()
                .when(new PostRoomStoryCommand(GROUP, "s1", "Hello", List.of()), as(CLIENT))
                .expectException(AggregateNotFoundException.class);
        LedgerError translated = CommandFailures.aggregateNotFound(GROUP);
        assertThat(translated.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(translated.field()).isEqualTo("roomId");
        assertThat(translated.rule()).isEqualTo("room.not-found");
    }
}
