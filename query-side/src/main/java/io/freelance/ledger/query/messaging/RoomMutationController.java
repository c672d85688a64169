package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.messaging.AddRoomMemberCommand;
import io.freelance.ledger.messaging.ArchiveRoomCommand;
import io.freelance.ledger.messaging.ChangeRoomTopicCommand;
import io.freelance.ledger.messaging.CreateGroupRoomCommand;
import io.freelance.ledger.messaging.CreateOneOnOneRoomCommand;
import io.freelance.ledger.messaging.EditRoomStoryCommand;
import io.freelance.ledger.messaging.MarkRoomReadCommand;
import io.freelance.ledger.messaging.PostRoomStoryCommand;
import io.freelance.ledger.messaging.RemoveRoomMemberCommand;
import io.freelance.ledger.messaging.RemoveRoomStoryCommand;
import io.freelance.ledger.messaging.RoomId;
import io.freelance.ledger.messaging.RoomLimits;
import io.freelance.ledger.messaging.RoomType;
import io.freelance.ledger.messaging.StoryAttachment;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.messaging.RoomInputs.AddUserToRoomInput;
import io.freelance.ledger.query.messaging.RoomInputs.ArchiveRoomInput;
import io.freelance.ledger.query.messaging.RoomInputs.CreateRoomInput;
import io.freelance.ledger.query.messaging.RoomInputs.CreateRoomStoryInput;
import io.freelance.ledger.query.messaging.RoomInputs.MarkRoomReadInput;
import io.freelance.ledger.query.messaging.RoomInputs.RemoveRoomStoryInput;
import io.freelance.ledger.query.messaging.RoomInputs.RemoveUserFromRoomInput;
import io.freelance.ledger.query.messaging.RoomInputs.UpdateRoomStoryInput;
import io.freelance.ledger.query.messaging.RoomInputs.UpdateRoomTopicInput;
import io.freelance.ledger.query.messaging.attachment.Attachments;
import io.freelance.ledger.query.security.Caller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The messaging mutations, with Upwork's names. Here the input's shape is checked, that named users are clients
 * or freelancers the service knows, and that the caller is a member of the room; the Room aggregate decides the
 * rest (roles, archiving, one-on-one rooms, repeats).
 */
@Controller
public class RoomMutationController {

    private final RoomAccess access;
    private final RoomUsers users;
    private final RoomCommands commands;
    private final Attachments attachments;

    public RoomMutationController(RoomAccess access, RoomUsers users, RoomCommands commands, Attachments attachments) {
        this.access = access;
        this.users = users;
        this.commands = commands;
        this.attachments = attachments;
    }

    /**
     * A GROUP room with a topic and members, once per idempotency key; or the caller's ONE_ON_ONE room with one
     * other user, created at most once per pair (a second creation answers the existing room).
     */
    @MutationMapping
    public RoomPayload createRoom(@Argument CreateRoomInput input, Caller caller) {
        RoomAccess.requireMarketplaceUser(caller.actor(), "type");
        if (input.type() == RoomType.ONE_ON_ONE) {
            return createOneOnOne(input, caller);
        }
        if (input.type() != RoomType.GROUP) {
            throw RuleViolation.badRequest("type", "type.contract-room-by-service",
                    "A contract's room opens by itself when the contract is accepted; create GROUP or ONE_ON_ONE rooms.");
        }
        String key = Inputs.idempotencyKey("idempotencyKey", input.idempotencyKey());
        String topic = RoomLimits.topic("topic", input.topic());
        List<String> members = knownUsers(input.userIds());
        String roomId = RoomId.forGroup(caller.userId(), key);
        return commands.send(caller, roomId, new CreateGroupRoomCommand(roomId, topic, members));
    }

    @MutationMapping
    public RoomStoryPayload createRoomStory(@Argument CreateRoomStoryInput input, Caller caller) {
        RoomView room = member(input.roomId(), caller);
        String storyId = Inputs.id("storyId", input.storyId());
        String text = RoomLimits.storyText("text", input.text());
        List<StoryAttachment> claimed = claimed(input.attachmentIds(), caller, room.id(), storyId);
        return commands.sendForStory(caller, room.id(), storyId, new PostRoomStoryCommand(room.id(), storyId, text, claimed));
    }

    @MutationMapping
    public RoomStoryPayload updateRoomStory(@Argument UpdateRoomStoryInput input, Caller caller) {
        RoomView room = member(input.roomId(), caller);
        String storyId = Inputs.id("storyId", input.storyId());
        String text = RoomLimits.storyText("text", input.text());
        return commands.sendForStory(caller, room.id(), storyId, new EditRoomStoryCommand(room.id(), storyId, text));
    }

    @MutationMapping
    public RoomStoryPayload removeRoomStory(@Argument RemoveRoomStoryInput input, Caller caller) {
        RoomView room = member(input.roomId(), caller);
        String storyId = Inputs.id("storyId", input.storyId());
        return commands.sendForStory(caller, room.id(), storyId, new RemoveRoomStoryCommand(room.id(), storyId));
    }

    @MutationMapping
    public RoomPayload addUserToRoom(@Argument AddUserToRoomInput input, Caller caller) {
        RoomView room = member(input.roomId(), caller);
        String userId = users.requireMarketplaceUser("userId", input.userId());
        return commands.send(caller, room.id(), new AddRoomMemberCommand(room.id(), userId, input.role()));
    }

    /** Also how a member leaves: they name themselves. */
    @MutationMapping
    public RoomPayload removeUserFromRoom(@Argument RemoveUserFromRoomInput input, Caller caller) {
        RoomView room = member(input.roomId(), caller);
        String userId = Inputs.id("userId", input.userId());
        return commands.send(caller, room.id(), new RemoveRoomMemberCommand(room.id(), userId));
    }

    @MutationMapping
    public RoomPayload updateRoomTopic(@Argument UpdateRoomTopicInput input, Caller caller) {
        RoomView room = member(input.roomId(), caller);
        String topic = RoomLimits.topic("topic", input.topic());
        return commands.send(caller, room.id(), new ChangeRoomTopicCommand(room.id(), topic));
    }

    @MutationMapping
    public RoomPayload archiveRoom(@Argument ArchiveRoomInput input, Caller caller) {
        RoomView room = member(input.roomId(), caller);
        return commands.send(caller, room.id(), new ArchiveRoomCommand(room.id()));
    }

    @MutationMapping
    public RoomPayload markRoomRead(@Argument MarkRoomReadInput input, Caller caller) {
        RoomView room = member(input.roomId(), caller);
        if (input.upToSequence() == null || input.upToSequence() < 1) {
            throw RuleViolation.badRequest("upToSequence", "upToSequence.range",
                    "Name the last message read by its sequence (1 or more), as the room's stories show it.");
        }
        return commands.send(caller, room.id(), new MarkRoomReadCommand(room.id(), input.upToSequence()));
    }

    private RoomPayload createOneOnOne(CreateRoomInput input, Caller caller) {
        List<String> given = input.userIds() == null ? List.of() : input.userIds();
        List<String> others = given.stream().filter(id -> !caller.userId().equals(id)).distinct().toList();
        if (others.size() != 1) {
            throw RuleViolation.badRequest("userIds", "userIds.one-on-one-pair",
                    "A one-on-one room is you and exactly one other user; %d others were named. Create a GROUP room for more."
                            .formatted(others.size()));
        }
        if (input.topic() != null) {
            throw RuleViolation.badRequest("topic", "topic.one-on-one",
                    "A one-on-one room has no topic; create a GROUP room to give one.");
        }
        String other = users.requireMarketplaceUser("userIds[0]", others.get(0));
        String roomId = RoomId.forOneOnOne(caller.userId(), other);
        return commands.send(caller, roomId, new CreateOneOnOneRoomCommand(roomId, other));
    }

    /** Every named file checked before anything is sent, so one bad id leaves the message unposted. */
    private List<StoryAttachment> claimed(List<String> attachmentIds, Caller caller, String roomId, String storyId) {
        List<String> given = attachmentIds == null ? List.of() : attachmentIds;
        if (given.size() > RoomLimits.MAX_ATTACHMENTS) {
            throw RuleViolation.badRequest("attachmentIds", "attachmentIds.too-many",
                    "A message carries at most %d files; %d were named.".formatted(RoomLimits.MAX_ATTACHMENTS, given.size()));
        }
        List<StoryAttachment> claimed = new ArrayList<>();
        for (int index = 0; index < given.size(); index++) {
            StoryAttachment attachment = attachments.claimForStory("attachmentIds[%d]".formatted(index), given.get(index),
                    caller.userId(), roomId, storyId);
            if (claimed.stream().anyMatch(earlier -> earlier.attachmentId().equals(attachment.attachmentId()))) {
                throw RuleViolation.badRequest("attachmentIds[%d]".formatted(index), "attachmentIds.duplicate",
                        "The same file is named twice; name each file once.");
            }
            claimed.add(attachment);
        }
        return claimed;
    }

    private List<String> knownUsers(List<String> userIds) {
        List<String> given = userIds == null ? List.of() : userIds;
        RoomLimits.requireMemberCount("userIds", given.size() + 1);
        List<String> known = new ArrayList<>();
        for (int index = 0; index < given.size(); index++) {
            known.add(users.requireMarketplaceUser("userIds[%d]".formatted(index), given.get(index)));
        }
        return known;
    }

    private RoomView member(String roomId, Caller caller) {
        return access.requireMember(caller.actor(), "roomId", Inputs.id("roomId", roomId));
    }
}
