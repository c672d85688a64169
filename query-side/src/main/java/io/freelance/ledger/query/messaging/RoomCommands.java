package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.readstore.ReadYourWrites;
import io.freelance.ledger.query.readstore.Shown;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The steps every room mutation shares: send the command to the Room aggregate, wait until the room read model
 * shows the version it produced, answer the room (and the story). Who may do what is the aggregate's decision.
 */
@Component
public class RoomCommands {

    private final RoomReadModel rooms;
    private final CommandSender sender;
    private final ReadYourWrites readYourWrites;

    public RoomCommands(RoomReadModel rooms, CommandSender sender, ReadYourWrites readYourWrites) {
        this.rooms = rooms;
        this.sender = sender;
        this.readYourWrites = readYourWrites;
    }

    public RoomPayload send(Caller caller, String roomId, Object command) {
        Shown<RoomView> room = readYourWrites.awaitThenRead("Room", roomId, sendForVersions(caller, roomId, command),
                () -> rooms.findById(roomId));
        RoomView visible = room.view() != null && room.view().hasMember(caller.userId()) ? room.view() : null;
        return new RoomPayload(roomId, visible, room.pending());
    }

    public RoomStoryPayload sendForStory(Caller caller, String roomId, String storyId, Object command) {
        Shown<RoomStoryView> story = readYourWrites.awaitThenRead("Room", roomId, sendForVersions(caller, roomId, command),
                () -> rooms.story(roomId, storyId));
        RoomView room = rooms.findById(roomId).orElse(null);
        return new RoomStoryPayload(roomId, storyId, story.view(), room, story.pending());
    }

    private List<AggregateVersion> sendForVersions(Caller caller, String roomId, Object command) {
        return ReadYourWrites.versionsOf(sender.send(command, caller), RoomStore.AGGREGATE_TYPE, roomId);
    }
}
