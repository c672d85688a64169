package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.messaging.RoomId;
import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomType;
import io.freelance.ledger.messaging.StoryAttachment;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.graphql.Pages;
import io.freelance.ledger.query.security.Caller;
import io.freelance.ledger.query.security.UserView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** Rooms and their stories as a member sees them, with Upwork's names. */
@Controller
public class RoomQueryController {

    private static final String ACTIVITY_KEY = "latestActivityMillis";
    private static final String ROOM_ID_KEY = "roomId";
    private static final String SEQUENCE_KEY = "sequence";

    private final RoomAccess access;
    private final RoomReadModel rooms;

    public RoomQueryController(RoomAccess access, RoomReadModel rooms) {
        this.access = access;
        this.rooms = rooms;
    }

    @QueryMapping
    public RoomView room(@Argument String id, Caller caller) {
        return access.requireMember(caller.actor(), "id", Inputs.id("id", id));
    }

    /** The caller's rooms, latest activity first, optionally of one type or one contract. */
    @QueryMapping
    public Window<RoomView> roomList(ScrollSubrange page, @Argument RoomType type, @Argument String contractId,
                                     Caller caller) {
        int size = Pages.size(page);
        String contract = contractId == null ? null : Inputs.id("contractId", contractId);
        RoomView after = Pages.after(page).map(keys -> cursorRoom(Pages.number(keys, ACTIVITY_KEY),
                Pages.text(keys, ROOM_ID_KEY))).orElse(null);
        List<RoomView> fetched = rooms.roomsOf(caller.userId()).stream()
                .filter(room -> type == null || room.type() == type)
                .filter(room -> contract == null || contract.equals(room.contractId()))
                .filter(room -> after == null || RoomReadModel.BY_LATEST_ACTIVITY.compare(room, after) > 0)
                .limit(size + 1L)
                .toList();
        return Pages.window(fetched, size, room -> Map.of(ACTIVITY_KEY, room.latestActivityAt().toEpochMilli(),
                ROOM_ID_KEY, room.id()), room -> room);
    }

    /** A room's stories, newest first; removed ones keep their place without their text. */
    @QueryMapping
    public Window<RoomStoryView> roomStories(@Argument String roomId, ScrollSubrange page, Caller caller) {
        RoomView room = access.requireMember(caller.actor(), "roomId", Inputs.id("roomId", roomId));
        int size = Pages.size(page);
        long from = startingSequence(room, page);
        return storyWindow(rooms.storiesNewestFirst(room.id(), from, size + 1), size);
    }

    @QueryMapping
    public Window<RoomStoryView> searchRoomStories(@Argument String roomId, @Argument String text, ScrollSubrange page,
                                                   Caller caller) {
        RoomView room = access.requireMember(caller.actor(), "roomId", Inputs.id("roomId", roomId));
        String searched = TextInput.required("text", text, TextInput.TITLE_MAX_LENGTH, "The text searched for");
        int size = Pages.size(page);
        return storyWindow(rooms.search(room.id(), searched, startingSequence(room, page), size + 1), size);
    }

    /** The room of a contract the caller takes part in; NOT_FOUND otherwise, as for a contract they are no party to. */
    @QueryMapping
    public RoomView contractRoom(@Argument String contractId, Caller caller) {
        String contract = Inputs.id("contractId", contractId);
        return access.requireMember(caller.actor(), "contractId", RoomId.forContract(contract));
    }

    /** The caller's one-on-one room with the user, null when neither has created it yet. */
    @QueryMapping
    public RoomView oneOnOneRoom(@Argument String userId, Caller caller) {
        String other = Inputs.id("userId", userId);
        return rooms.findById(RoomId.forOneOnOne(caller.userId(), other))
                .filter(room -> room.hasMember(caller.userId()))
                .orElse(null);
    }

    @SchemaMapping(typeName = "Room")
    public long numUnread(RoomView room, Caller caller) {
        return room.unreadFor(caller.userId());
    }

    @SchemaMapping(typeName = "Room")
    public long lastReadSequence(RoomView room, Caller caller) {
        return room.member(caller.userId()).map(RoomMemberView::readUpToSequence).orElse(0L);
    }

    @SchemaMapping(typeName = "Room")
    public RoomRole role(RoomView room, Caller caller) {
        return room.member(caller.userId()).map(RoomMemberView::role).orElse(null);
    }

    @SchemaMapping(typeName = "RoomStory")
    public UserView author(RoomStoryView story) {
        return new UserView(story.authorId(), story.authorRole());
    }

    @SchemaMapping(typeName = "RoomStory")
    public String text(RoomStoryView story) {
        return story.visibleText();
    }

    @SchemaMapping(typeName = "RoomStory")
    public List<StoryAttachment> attachments(RoomStoryView story) {
        return story.visibleAttachments();
    }

    /** Relative to the service's address: the same path answers a browser and a command-line client. */
    @SchemaMapping(typeName = "StoryAttachment")
    public String downloadUrl(StoryAttachment attachment) {
        return "/attachments/" + attachment.attachmentId();
    }

    @SchemaMapping(typeName = "RoomStory")
    public boolean edited(RoomStoryView story) {
        return story.editedAt() != null;
    }

    @SchemaMapping(typeName = "RoomStory")
    public boolean removed(RoomStoryView story) {
        return story.isRemoved();
    }

    private static long startingSequence(RoomView room, ScrollSubrange page) {
        return Pages.after(page).map(keys -> Pages.number(keys, SEQUENCE_KEY) - 1).orElse(room.lastSequence());
    }

    private static Window<RoomStoryView> storyWindow(List<RoomStoryView> fetched, int size) {
        return Pages.window(fetched, size, story -> Map.of(SEQUENCE_KEY, story.sequence()), Objects::requireNonNull);
    }

    /** Only the keys matter for the comparison: when the cursor's room was active, and its id. */
    private static RoomView cursorRoom(long latestActivityMillis, String roomId) {
        return new RoomView(roomId, RoomType.GROUP, null, null, false, List.of(), 0, null, null,
                Instant.ofEpochMilli(latestActivityMillis));
    }
}
