package io.freelance.ledger.query.messaging;

import io.freelance.ledger.query.contract.ContractCommands;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.readstore.ReadYourWrites;
import io.freelance.ledger.query.security.Caller;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps every room mutation shares: send the command to the Room aggregate, wait until the room read model
 * shows the version it produced, answer the room (and the story). Who may do what is the aggregate's decision.
 */
@Component
public class RoomCommands {

    private static final Logger log = LoggerFactory.getLogger(RoomCommands.class);

    private final RoomReadModel rooms;
    private final CommandSender sender;
    private final ReadYourWrites readYourWrites;

    public RoomCommands(RoomReadModel rooms, CommandSender sender, ReadYourWrites readYourWrites) {
        this.rooms = rooms;
        this.sender = sender;
        this.readYourWrites = readYourWrites;
    }

    public RoomPayload send(Caller caller, String roomId, Object command) {
        boolean applied = sendAndAwait(caller, roomId, command);
        Optional<RoomView> room = rooms.findById(roomId);
        RoomView visible = room.filter(found -> found.hasMember(caller.userId())).orElse(null);
        return new RoomPayload(roomId, visible, !applied || room.isEmpty());
    }

    public RoomStoryPayload sendForStory(Caller caller, String roomId, String storyId, Object command) {
        boolean applied = sendAndAwait(caller, roomId, command);
        Optional<RoomStoryView> story = rooms.story(roomId, storyId);
        RoomView room = rooms.findById(roomId).orElse(null);
        return new RoomStoryPayload(roomId, storyId, story.orElse(null), room, !applied || story.isEmpty());
    }

    private boolean sendAndAwait(Caller caller, String roomId, Object command) {
        Object result = sender.send(command, caller);
        boolean applied = readYourWrites.awaitApplied(ContractCommands.versionsOf(result, RoomStore.AGGREGATE_TYPE, roomId));
        if (!applied) {
            log.warn("Room {} was changed but the read model did not show it within the wait; answering pending", roomId);
        }
        return applied;
    }
}
