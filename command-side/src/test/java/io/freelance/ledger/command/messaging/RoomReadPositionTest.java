package io.freelance.ledger.command.messaging;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.messaging.MarkRoomReadCommand;
import io.freelance.ledger.messaging.RoomMemberAddedEvent;
import io.freelance.ledger.messaging.RoomReadMarkedEvent;
import io.freelance.ledger.messaging.RoomRole;
import org.junit.jupiter.api.Test;

/** Each member's read position: forward only, never past the last message. */
class RoomReadPositionTest extends RoomTestBase {

    private static final String NEWCOMER = "freelancer-7";

    private Object[] threeMessagesFromTheClient() {
        return new Object[] {contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, "One"),
                posted(CONTRACT_ROOM, "s2", 2, CLIENT, "Two"), posted(CONTRACT_ROOM, "s3", 3, CLIENT, "Three")};
    }

    @Test
    void aMemberReadsUpToAMessage() {
        given(threeMessagesFromTheClient())
                .when(new MarkRoomReadCommand(CONTRACT_ROOM, 2), as(FREELANCER))
                .expectEvents(new RoomReadMarkedEvent(CONTRACT_ROOM, FREELANCER.userId(), 2, NOW));
    }

    @Test
    void aReadPositionNeverMovesBack() {
        Object[] history = threeMessagesFromTheClient();
        Object[] withRead = java.util.Arrays.copyOf(history, history.length + 1);
        withRead[history.length] = new RoomReadMarkedEvent(CONTRACT_ROOM, FREELANCER.userId(), 3, OPENED_AT);
        given(withRead)
                .when(new MarkRoomReadCommand(CONTRACT_ROOM, 1), as(FREELANCER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReadPositionCannotPassTheLastMessage() {
        given(threeMessagesFromTheClient())
                .when(new MarkRoomReadCommand(CONTRACT_ROOM, 4), as(FREELANCER))
                .expectException(badRequest("upToSequence", "upToSequence.range"));
        given(threeMessagesFromTheClient())
                .when(new MarkRoomReadCommand(CONTRACT_ROOM, 0), as(FREELANCER))
                .expectException(badRequest("upToSequence", "upToSequence.range"));
    }

    @Test
    void postingReadsTheRoomUpToOnesOwnMessage() {
        given(threeMessagesFromTheClient())
                .when(new MarkRoomReadCommand(CONTRACT_ROOM, 3), as(CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewMemberSeesTheHistoryWithNothingUnread() {
        Object[] history = threeMessagesFromTheClient();
        Object[] withNewcomer = java.util.Arrays.copyOf(history, history.length + 1);
        withNewcomer[history.length] = new RoomMemberAddedEvent(CONTRACT_ROOM, NEWCOMER, RoomRole.MEMBER,
                CLIENT.userId(), OPENED_AT);
        given(withNewcomer)
                .when(new MarkRoomReadCommand(CONTRACT_ROOM, 3), as(new io.freelance.ledger.common.Actor(NEWCOMER,
                        io.freelance.ledger.common.Role.FREELANCER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOutsiderHasNoReadPosition() {
        given(threeMessagesFromTheClient())
                .when(new MarkRoomReadCommand(CONTRACT_ROOM, 1), as(OUTSIDER))
                .expectException(notFound("roomId", "room.not-found"));
    }
}
