package io.freelance.ledger.command.messaging;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.messaging.AddRoomMemberCommand;
import io.freelance.ledger.messaging.ArchiveRoomCommand;
import io.freelance.ledger.messaging.ChangeRoomTopicCommand;
import io.freelance.ledger.messaging.PostRoomStoryCommand;
import io.freelance.ledger.messaging.RoomArchivedEvent;
import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomMemberAddedEvent;
import io.freelance.ledger.messaging.RoomMemberRemovedEvent;
import io.freelance.ledger.messaging.RemoveRoomMemberCommand;
import io.freelance.ledger.messaging.RoomOpenedEvent;
import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomTopicChangedEvent;
import io.freelance.ledger.messaging.RoomType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who manages a room: members in and out, the topic, archiving; never in a one-on-one room. */
class RoomMembershipTest extends RoomTestBase {

    private static final String NEWCOMER = "freelancer-7";

    @Test
    void theOwnerAddsAMember() {
        givenGroup()
                .when(new AddRoomMemberCommand(GROUP, NEWCOMER, null), as(CLIENT))
                .expectEvents(new RoomMemberAddedEvent(GROUP, NEWCOMER, RoomRole.MEMBER, CLIENT.userId(), NOW));
    }

    @Test
    void anAdminAddsAnotherAdmin() {
        givenGroup()
                .when(new AddRoomMemberCommand(GROUP, NEWCOMER, RoomRole.ADMIN), as(ADMIN))
                .expectEvents(new RoomMemberAddedEvent(GROUP, NEWCOMER, RoomRole.ADMIN, ADMIN.userId(), NOW));
    }

    @Test
    void aMemberCannotAddMembers() {
        givenGroup()
                .when(new AddRoomMemberCommand(GROUP, NEWCOMER, null), as(MEMBER))
                .expectException(forbidden("roomId", "room.managers-only"));
    }

    @Test
    void anOutsiderIsToldTheRoomDoesNotExist() {
        givenGroup()
                .when(new AddRoomMemberCommand(GROUP, NEWCOMER, null), as(OUTSIDER))
                .expectException(notFound("roomId", "room.not-found"));
    }

    @Test
    void addingAMemberAgainChangesNothing() {
        givenGroup()
                .when(new AddRoomMemberCommand(GROUP, MEMBER.userId(), RoomRole.MEMBER), as(CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberIsNotAddedAgainWithAnotherRole() {
        givenGroup()
                .when(new AddRoomMemberCommand(GROUP, MEMBER.userId(), RoomRole.ADMIN), as(CLIENT))
                .expectException(conflict("userId", "room.already-member"));
    }

    @Test
    void aRoomHasOneOwner() {
        givenGroup()
                .when(new AddRoomMemberCommand(GROUP, NEWCOMER, RoomRole.OWNER), as(CLIENT))
                .expectException(badRequest("role", "role.owner-unique"));
    }

    @Test
    void aFullRoomTakesNoOneMore() {
        List<RoomMember> hundred = new ArrayList<>(List.of(new RoomMember(CLIENT.userId(), RoomRole.OWNER)));
        for (int n = 1; n < 100; n++) {
            hundred.add(new RoomMember("freelancer-" + (100 + n), RoomRole.MEMBER));
        }
        given(new RoomOpenedEvent(GROUP, RoomType.GROUP, null, TOPIC, hundred, CLIENT.userId(), OPENED_AT))
                .when(new AddRoomMemberCommand(GROUP, NEWCOMER, null), as(CLIENT))
                .expectException(conflict("userId", "room.full"));
    }

    @Test
    void nobodyIsAddedToAOneOnOneRoom() {
        given(oneOnOneOpened())
                .when(new AddRoomMemberCommand(ONE_ON_ONE, NEWCOMER, null), as(CLIENT))
                .expectException(conflict("roomId", "room.one-on-one-fixed"));
    }

    @Test
    void anArchivedRoomTakesNoNewMembers() {
        givenGroup(new RoomArchivedEvent(GROUP, CLIENT.userId(), OPENED_AT))
                .when(new AddRoomMemberCommand(GROUP, NEWCOMER, null), as(CLIENT))
                .expectException(conflict("roomId", "room.archived"));
    }

    @Test
    void theContractRoomsOwnerBringsAColleague() {
        given(contractRoomOpened())
                .when(new AddRoomMemberCommand(CONTRACT_ROOM, NEWCOMER, null), as(CLIENT))
                .expectEvents(new RoomMemberAddedEvent(CONTRACT_ROOM, NEWCOMER, RoomRole.MEMBER, CLIENT.userId(), NOW));
    }

    // Removal and leaving.

    @Test
    void aMemberLeaves() {
        givenGroup()
                .when(new RemoveRoomMemberCommand(GROUP, MEMBER.userId()), as(MEMBER))
                .expectEvents(new RoomMemberRemovedEvent(GROUP, MEMBER.userId(), MEMBER.userId(), NOW));
    }

    @Test
    void anAdminRemovesAMember() {
        givenGroup()
                .when(new RemoveRoomMemberCommand(GROUP, MEMBER.userId()), as(ADMIN))
                .expectEvents(new RoomMemberRemovedEvent(GROUP, MEMBER.userId(), ADMIN.userId(), NOW));
    }

    @Test
    void theOwnerRemovesAnAdmin() {
        givenGroup()
                .when(new RemoveRoomMemberCommand(GROUP, ADMIN.userId()), as(CLIENT))
                .expectEvents(new RoomMemberRemovedEvent(GROUP, ADMIN.userId(), CLIENT.userId(), NOW));
    }

    @Test
    void anAdminDoesNotRemoveAnotherAdmin() {
        givenGroup(new RoomMemberAddedEvent(GROUP, NEWCOMER, RoomRole.ADMIN, CLIENT.userId(), OPENED_AT))
                .when(new RemoveRoomMemberCommand(GROUP, NEWCOMER), as(ADMIN))
                .expectException(forbidden("userId", "room.managers-only"));
    }

    @Test
    void aMemberDoesNotRemoveAnother() {
        givenGroup()
                .when(new RemoveRoomMemberCommand(GROUP, FREELANCER.userId()), as(MEMBER))
                .expectException(forbidden("userId", "room.managers-only"));
    }

    @Test
    void theOwnerCannotBeRemovedNorLeave() {
        givenGroup()
                .when(new RemoveRoomMemberCommand(GROUP, CLIENT.userId()), as(ADMIN))
                .expectException(conflict("userId", "room.member-stays"));
        givenGroup()
                .when(new RemoveRoomMemberCommand(GROUP, CLIENT.userId()), as(CLIENT))
                .expectException(conflict("userId", "room.member-stays"));
    }

    @Test
    void theContractsFreelancerStaysInItsRoom() {
        given(contractRoomOpened())
                .when(new RemoveRoomMemberCommand(CONTRACT_ROOM, FREELANCER.userId()), as(CLIENT))
                .expectException(conflict("userId", "room.member-stays"));
    }

    @Test
    void removingSomeoneWhoIsNotInTheRoomChangesNothing() {
        givenGroup()
                .when(new RemoveRoomMemberCommand(GROUP, NEWCOMER), as(CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobodyIsRemovedFromAOneOnOneRoom() {
        given(oneOnOneOpened())
                .when(new RemoveRoomMemberCommand(ONE_ON_ONE, FREELANCER.userId()), as(FREELANCER))
                .expectException(conflict("roomId", "room.one-on-one-fixed"));
    }

    @Test
    void aRemovedMemberNoLongerPosts() {
        givenGroup(new RoomMemberRemovedEvent(GROUP, MEMBER.userId(), CLIENT.userId(), OPENED_AT))
                .when(new PostRoomStoryCommand(GROUP, "s1", "Still here?", List.of()), as(MEMBER))
                .expectException(notFound("roomId", "room.not-found"));
    }

    // Topic and archiving.

    @Test
    void anAdminChangesTheTopic() {
        givenGroup()
                .when(new ChangeRoomTopicCommand(GROUP, "Launch, second week"), as(ADMIN))
                .expectEvents(new RoomTopicChangedEvent(GROUP, "Launch, second week", ADMIN.userId(), NOW));
    }

    @Test
    void theSameTopicAgainChangesNothing() {
        givenGroup()
                .when(new ChangeRoomTopicCommand(GROUP, TOPIC), as(CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberDoesNotChangeTheTopic() {
        givenGroup()
                .when(new ChangeRoomTopicCommand(GROUP, "Mine now"), as(MEMBER))
                .expectException(forbidden("roomId", "room.managers-only"));
    }

    @Test
    void aOneOnOneRoomHasNoTopic() {
        given(oneOnOneOpened())
                .when(new ChangeRoomTopicCommand(ONE_ON_ONE, "Us"), as(CLIENT))
                .expectException(conflict("roomId", "room.one-on-one-fixed"));
    }

    @Test
    void theOwnerArchivesAGroupRoomOnce() {
        givenGroup()
                .when(new ArchiveRoomCommand(GROUP), as(CLIENT))
                .expectEvents(new RoomArchivedEvent(GROUP, CLIENT.userId(), NOW));
        givenGroup(new RoomArchivedEvent(GROUP, CLIENT.userId(), OPENED_AT))
                .when(new ArchiveRoomCommand(GROUP), as(ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberDoesNotArchive() {
        givenGroup()
                .when(new ArchiveRoomCommand(GROUP), as(MEMBER))
                .expectException(forbidden("roomId", "room.managers-only"));
    }

    @Test
    void oneOnOneAndContractRoomsAreNotArchived() {
        given(oneOnOneOpened())
                .when(new ArchiveRoomCommand(ONE_ON_ONE), as(CLIENT))
                .expectException(conflict("roomId", "room.not-archivable"));
        given(contractRoomOpened())
                .when(new ArchiveRoomCommand(CONTRACT_ROOM), as(CLIENT))
                .expectException(conflict("roomId", "room.not-archivable"));
    }
}
