package io.freelance.ledger.command.messaging;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.messaging.RoomId;
import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomMemberAddedEvent;
import io.freelance.ledger.messaging.RoomOpenedEvent;
import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomStoryPostedEvent;
import io.freelance.ledger.messaging.RoomType;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;

/**
 * Rooms as the scenarios meet them: a contract room (client owner, freelancer member), a one-on-one room, and a
 * group room owned by the client with an admin and a member. Events are given as the actor who caused them, as
 * the command side records them.
 */
abstract class RoomTestBase {

    static final String CONTRACT_ID = "contract-1";
    static final String CONTRACT_ROOM = RoomId.forContract(CONTRACT_ID);
    static final String ONE_ON_ONE = RoomId.forOneOnOne(CLIENT.userId(), FREELANCER.userId());
    static final String GROUP = RoomId.forGroup(CLIENT.userId(), "key-1");
    static final Actor ADMIN = new Actor("freelancer-2", Role.FREELANCER);
    static final Actor MEMBER = new Actor("freelancer-3", Role.FREELANCER);
    static final Actor OUTSIDER = new Actor("client-9", Role.CLIENT);
    static final Actor FINANCE = new Actor("finance-1", Role.FINANCE);
    static final Actor HANDLER = new Actor("handler-1", Role.DISPUTE_HANDLER);
    static final String TOPIC = "Launch plan";
    static final Instant OPENED_AT = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant NOW = OPENED_AT.plusSeconds(3600);

    AggregateTestFixture<Room> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(Room.class);
    }

    static CommandMessage<?> by(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData());
    }

    static RoomOpenedEvent contractRoomOpened() {
        return new RoomOpenedEvent(CONTRACT_ROOM, RoomType.CONTRACT, CONTRACT_ID, null,
                List.of(new RoomMember(CLIENT.userId(), RoomRole.OWNER), new RoomMember(FREELANCER.userId(), RoomRole.MEMBER)),
                Actor.SYSTEM.userId(), OPENED_AT);
    }

    static RoomOpenedEvent oneOnOneOpened() {
        return new RoomOpenedEvent(ONE_ON_ONE, RoomType.ONE_ON_ONE, null, null,
                List.of(new RoomMember(CLIENT.userId(), RoomRole.MEMBER), new RoomMember(FREELANCER.userId(), RoomRole.MEMBER)),
                CLIENT.userId(), OPENED_AT);
    }

    static RoomOpenedEvent groupOpened() {
        return new RoomOpenedEvent(GROUP, RoomType.GROUP, null, TOPIC,
                List.of(new RoomMember(CLIENT.userId(), RoomRole.OWNER), new RoomMember(FREELANCER.userId(), RoomRole.MEMBER),
                        new RoomMember(MEMBER.userId(), RoomRole.MEMBER)),
                CLIENT.userId(), OPENED_AT);
    }

    static RoomMemberAddedEvent adminAdded() {
        return new RoomMemberAddedEvent(GROUP, ADMIN.userId(), RoomRole.ADMIN, CLIENT.userId(), OPENED_AT);
    }

    static RoomStoryPostedEvent posted(String roomId, String storyId, long sequence, Actor author, String text) {
        return new RoomStoryPostedEvent(roomId, storyId, sequence, author.userId(), text, List.of(), OPENED_AT);
    }

    /** The group room with its owner (the client), an admin, and two members (the freelancer and MEMBER). */
    TestExecutor<Room> givenGroup(Object... more) {
        Object[] events = new Object[more.length + 2];
        events[0] = groupOpened();
        events[1] = adminAdded();
        System.arraycopy(more, 0, events, 2, more.length);
        return given(events);
    }

    /** A fresh fixture each time, so one test may try several rooms. */
    TestExecutor<Room> given(Object... events) {
        fixture = new AggregateTestFixture<>(Room.class);
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }
}
