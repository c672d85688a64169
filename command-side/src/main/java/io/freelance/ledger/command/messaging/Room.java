package io.freelance.ledger.command.messaging;

import static io.freelance.ledger.command.common.ServiceDeadlines.now;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.command.common.AggregateCaches;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.messaging.AddRoomMemberCommand;
import io.freelance.ledger.messaging.ArchiveRoomCommand;
import io.freelance.ledger.messaging.ChangeRoomTopicCommand;
import io.freelance.ledger.messaging.CreateGroupRoomCommand;
import io.freelance.ledger.messaging.CreateOneOnOneRoomCommand;
import io.freelance.ledger.messaging.EditRoomStoryCommand;
import io.freelance.ledger.messaging.MarkRoomReadCommand;
import io.freelance.ledger.messaging.OpenContractRoomCommand;
import io.freelance.ledger.messaging.PostRoomStoryCommand;
import io.freelance.ledger.messaging.RemoveRoomMemberCommand;
import io.freelance.ledger.messaging.RemoveRoomStoryCommand;
import io.freelance.ledger.messaging.RoomArchivedEvent;
import io.freelance.ledger.messaging.RoomId;
import io.freelance.ledger.messaging.RoomLimits;
import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomMemberAddedEvent;
import io.freelance.ledger.messaging.RoomMemberRemovedEvent;
import io.freelance.ledger.messaging.RoomOpenedEvent;
import io.freelance.ledger.messaging.RoomReadMarkedEvent;
import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomStoryEditedEvent;
import io.freelance.ledger.messaging.RoomStoryPostedEvent;
import io.freelance.ledger.messaging.RoomStoryRemovedEvent;
import io.freelance.ledger.messaging.RoomTopicChangedEvent;
import io.freelance.ledger.messaging.RoomType;
import io.freelance.ledger.messaging.StoryAttachment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A room where marketplace users talk (DESIGN §4 Messages): a contract's room, opened by the service when the
 * contract is accepted; a one-on-one room, at most one per pair; or a group room its owner and admins manage.
 * Messages ("stories") are numbered from 1 in the order the room took them; edits and removals are new events,
 * so the history keeps what was said and when it changed.
 * <p>
 * Creations and posts carry ids derived from what they name or chosen by the client, so a retry reaches what it
 * created and changes nothing. Every refusal about the room itself answers NOT_FOUND to anyone who is not a
 * member, so room ids reveal nothing to outsiders.
 */
@Aggregate(cache = AggregateCaches.AGGREGATE_CACHE)
public class Room {

    @AggregateIdentifier
    private String roomId;
    private RoomType type;
    /** The contract's freelancer: a party of the contract stays in its room, as the owner does. */
    private String contractFreelancerId;
    private String topic;
    private boolean archived;
    /** How a group room was created, so a retried creation is told from another under the same key. */
    private String creation;
    private long lastSequence;
    private final RoomMembers members = new RoomMembers();
    private final Map<String, PostedStory> stories = new HashMap<>();

    protected Room() {
        // Axon rebuilds the room from its events, or creates it for the command that opens it.
    }

    /**
     * A contract's room, opened in the unit of work that accepts the contract (as its escrow account is), so no
     * accepted contract is without its room and the acceptance's answer can wait until the room is readable.
     * The client is the owner (they may bring colleagues in); the freelancer a member who cannot be removed.
     */
    public Room(String contractId, String clientId, String freelancerId) {
        apply(new RoomOpenedEvent(RoomId.forContract(contractId), RoomType.CONTRACT, contractId, null,
                contractParties(clientId, freelancerId), Actor.SYSTEM.userId(), now()));
    }

    // Opening: by the service for a contract, by a user for a one-on-one or group room. A repeat changes nothing.

    /** For a contract accepted before rooms existed: the service opens its room; a repeat changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(OpenContractRoomCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        if (actor.role() != Role.SYSTEM) {
            throw RuleViolation.forbidden("contractId", "room.contract-room-by-service",
                    "A contract's room is opened by the service when the contract is accepted.");
        }
        String contract = TextInput.id("contractId", command.contractId(), "The contract id");
        requireIdOf(command.roomId(), RoomId.forContract(contract));
        if (isOpened()) {
            return version();
        }
        apply(new RoomOpenedEvent(command.roomId(), RoomType.CONTRACT, contract, null,
                contractParties(command.clientId(), command.freelancerId()), actor.userId(), now()));
        return version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(CreateOneOnOneRoomCommand command, MetaData metaData) {
        Actor actor = requireMarketplaceUser(Actor.fromMetaData(metaData));
        String other = TextInput.id("userId", command.otherUserId(), "The other user's id");
        if (other.equals(actor.userId())) {
            throw RuleViolation.badRequest("userId", "userId.self", "A one-on-one room is with another user.");
        }
        requireIdOf(command.roomId(), RoomId.forOneOnOne(actor.userId(), other));
        if (isOpened()) {
            return version();
        }
        apply(new RoomOpenedEvent(command.roomId(), RoomType.ONE_ON_ONE, null, null,
                List.of(new RoomMember(actor.userId(), RoomRole.MEMBER), new RoomMember(other, RoomRole.MEMBER)),
                actor.userId(), now()));
        return version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(CreateGroupRoomCommand command, MetaData metaData) {
        Actor actor = requireMarketplaceUser(Actor.fromMetaData(metaData));
        TextInput.id("roomId", command.roomId(), "The room id");
        String givenTopic = RoomLimits.topic("topic", command.topic());
        List<RoomMember> opening = openingMembers(actor, command.memberIds());
        String requested = creationOf(actor.userId(), givenTopic, opening);
        if (isOpened()) {
            if (requested.equals(creation)) {
                return version();
            }
            throw RuleViolation.conflict("idempotencyKey", "room.key-reused",
                    "Room %s was created with this key and another topic or other members; use a new key for a new room."
                            .formatted(command.roomId()));
        }
        apply(new RoomOpenedEvent(command.roomId(), RoomType.GROUP, null, givenTopic, opening, actor.userId(), now()));
        return version();
    }

    // Members, topic and archiving: the owner and admins of a group room (the owner of a contract room).

    @CommandHandler
    public Long handle(AddRoomMemberCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        members.requireMember(actor, roomId);
        requireMembersChangeable("add members to");
        requireNotArchived("take new members");
        members.requireManager(actor, roomId, "add members");
        String userId = TextInput.id("userId", command.userId(), "The user id");
        RoomRole role = command.role() == null ? RoomRole.MEMBER : command.role();
        if (role == RoomRole.OWNER) {
            throw RuleViolation.badRequest("role", "role.owner-unique", "A room has one owner; add members as ADMIN or MEMBER.");
        }
        RoomRole current = members.roleOf(userId).orElse(null);
        if (current == role) {
            return version();
        }
        if (current != null) {
            throw RuleViolation.conflict("userId", "room.already-member",
                    "%s is already in room %s as %s.".formatted(userId, roomId, current));
        }
        RoomLimits.requireMemberCount("userId", members.count() + 1);
        apply(new RoomMemberAddedEvent(roomId, userId, role, actor.userId(), now()));
        return version();
    }

    /** Managers remove members; anyone but the owner may leave; the owner and a contract's parties stay. */
    @CommandHandler
    public Long handle(RemoveRoomMemberCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        RoomRole actorRole = members.requireMember(actor, roomId);
        requireMembersChangeable("remove members from");
        String userId = TextInput.id("userId", command.userId(), "The user id");
        RoomRole removed = members.roleOf(userId).orElse(null);
        if (removed == null) {
            return version();
        }
        if (removed == RoomRole.OWNER || userId.equals(contractFreelancerId)) {
            throw RuleViolation.conflict("userId", "room.member-stays",
                    "%s stays in room %s: the owner and a contract's parties cannot be removed.".formatted(userId, roomId));
        }
        boolean leaving = userId.equals(actor.userId());
        if (!leaving && !(actorRole == RoomRole.OWNER || (actorRole == RoomRole.ADMIN && removed == RoomRole.MEMBER))) {
            throw RuleViolation.forbidden("userId", "room.managers-only",
                    "Only the owner removes admins, and the owner or an admin removes members of room %s."
                            .formatted(roomId));
        }
        apply(new RoomMemberRemovedEvent(roomId, userId, actor.userId(), now()));
        return version();
    }

    @CommandHandler
    public Long handle(ChangeRoomTopicCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        members.requireMember(actor, roomId);
        if (type == RoomType.ONE_ON_ONE) {
            throw oneOnOneFixed("have a topic");
        }
        requireNotArchived("change its topic");
        members.requireManager(actor, roomId, "change the topic");
        String given = RoomLimits.topic("topic", command.topic());
        if (given.equals(topic)) {
            return version();
        }
        apply(new RoomTopicChangedEvent(roomId, given, actor.userId(), now()));
        return version();
    }

    /** Group rooms only: a one-on-one room has no manager, and a contract's room lasts as long as its record. */
    @CommandHandler
    public Long handle(ArchiveRoomCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        members.requireMember(actor, roomId);
        if (type != RoomType.GROUP) {
            throw RuleViolation.conflict("roomId", "room.not-archivable",
                    "Only group rooms are archived; room %s is a %s room.".formatted(roomId, typeName()));
        }
        members.requireManager(actor, roomId, "archive it");
        if (!archived) {
            apply(new RoomArchivedEvent(roomId, actor.userId(), now()));
        }
        return version();
    }

    // Messages.

    @CommandHandler
    public Long handle(PostRoomStoryCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        members.requireMember(actor, roomId);
        String storyId = TextInput.id("storyId", command.storyId(), "The story id");
        String text = RoomLimits.storyText("text", command.text());
        List<StoryAttachment> attachments = attachments(command.attachments());
        String fingerprint = postFingerprint(actor.userId(), text, attachments);
        PostedStory posted = stories.get(storyId);
        if (posted != null) {
            if (posted.postFingerprint().equals(fingerprint)) {
                return version();
            }
            throw RuleViolation.conflict("storyId", "story.id-reused",
                    "Story %s was already posted with other content; choose a new id for a new message.".formatted(storyId));
        }
        requireNotArchived("take new messages");
        apply(new RoomStoryPostedEvent(roomId, storyId, lastSequence + 1, actor.userId(), text, attachments, now()));
        return version();
    }

    @CommandHandler
    public Long handle(EditRoomStoryCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        members.requireMember(actor, roomId);
        PostedStory story = requireStory(command.storyId());
        if (!story.authorId().equals(actor.userId())) {
            throw RuleViolation.forbidden("storyId", "story.author-only", "Only the author edits a message.");
        }
        String text = RoomLimits.storyText("text", command.text());
        requireNotRemoved(command.storyId(), story, "edited");
        if (story.textFingerprint().equals(textFingerprint(text))) {
            return version();
        }
        requireNotArchived("take edits");
        apply(new RoomStoryEditedEvent(roomId, command.storyId(), story.sequence(), text, actor.userId(), now()));
        return version();
    }

    /** The author or a manager removes a message; the history keeps that it was said and when it went. */
    @CommandHandler
    public Long handle(RemoveRoomStoryCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        RoomRole role = members.requireMember(actor, roomId);
        PostedStory story = requireStory(command.storyId());
        if (!story.authorId().equals(actor.userId()) && !role.managesRoom()) {
            throw RuleViolation.forbidden("storyId", "story.author-or-manager",
                    "Only the author, the owner or an admin removes a message.");
        }
        requireNotRemoved(command.storyId(), story, "removed again");
        apply(new RoomStoryRemovedEvent(roomId, command.storyId(), story.sequence(), actor.userId(), now()));
        return version();
    }

    /** A read position only moves forward, and never past the last message. */
    @CommandHandler
    public Long handle(MarkRoomReadCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        members.requireMember(actor, roomId);
        long upTo = command.upToSequence();
        if (upTo < 1 || upTo > lastSequence) {
            throw RuleViolation.badRequest("upToSequence", "upToSequence.range",
                    "Room %s has messages 1 to %d; %d is not one of them.".formatted(roomId, lastSequence, upTo));
        }
        if (upTo > members.readPositionOf(actor.userId())) {
            apply(new RoomReadMarkedEvent(roomId, actor.userId(), upTo, now()));
        }
        return version();
    }

    // Checks.

    private boolean isOpened() {
        return type != null;
    }

    private static void requireIdOf(String given, String expected) {
        if (!expected.equals(given)) {
            throw RuleViolation.badRequest("roomId", "roomId.format",
                    "This room's id is %s, derived from what the room is for.".formatted(expected));
        }
    }

    /** Rooms are for the marketplace's clients and freelancers; finance and dispute handlers read histories. */
    private static Actor requireMarketplaceUser(Actor actor) {
        if (actor.role() != Role.CLIENT && actor.role() != Role.FREELANCER) {
            throw RuleViolation.forbidden("roomId", "room.marketplace-users-only",
                    "Rooms are for clients and freelancers.");
        }
        return actor;
    }

    private static List<RoomMember> contractParties(String clientId, String freelancerId) {
        return List.of(new RoomMember(clientId, RoomRole.OWNER), new RoomMember(freelancerId, RoomRole.MEMBER));
    }

    /** The creator owns the room; each other named user joins once as a member. */
    private static List<RoomMember> openingMembers(Actor creator, List<String> memberIds) {
        Set<String> others = new LinkedHashSet<>();
        List<String> given = memberIds == null ? List.of() : memberIds;
        RoomLimits.requireMemberCount("memberIds", given.size() + 1);
        for (int index = 0; index < given.size(); index++) {
            String id = TextInput.id("memberIds[%d]".formatted(index), given.get(index), "A member's user id");
            if (!id.equals(creator.userId())) {
                others.add(id);
            }
        }
        List<RoomMember> opening = new ArrayList<>();
        opening.add(new RoomMember(creator.userId(), RoomRole.OWNER));
        others.forEach(id -> opening.add(new RoomMember(id, RoomRole.MEMBER)));
        return opening;
    }

    private static String creationOf(String creatorId, String topic, List<RoomMember> opening) {
        List<String> parts = new ArrayList<>(List.of(creatorId, topic));
        opening.forEach(member -> parts.add(member.userId()));
        return ContentFingerprint.of(parts);
    }

    private static String postFingerprint(String authorId, String text, List<StoryAttachment> attachments) {
        List<String> parts = new ArrayList<>(List.of(authorId, text));
        attachments.forEach(attachment -> parts.add(attachment.attachmentId()));
        return ContentFingerprint.of(parts);
    }

    private static String textFingerprint(String text) {
        return ContentFingerprint.of(List.of(text));
    }

    private static List<StoryAttachment> attachments(List<StoryAttachment> given) {
        List<StoryAttachment> attachments = given == null ? List.of() : List.copyOf(given);
        if (attachments.size() > RoomLimits.MAX_ATTACHMENTS) {
            throw RuleViolation.badRequest("attachments", "attachments.too-many",
                    "A message carries at most %d files; %d were given."
                            .formatted(RoomLimits.MAX_ATTACHMENTS, attachments.size()));
        }
        return attachments;
    }

    private void requireMembersChangeable(String action) {
        if (type == RoomType.ONE_ON_ONE) {
            throw oneOnOneFixed(action);
        }
    }

    private RuleViolation oneOnOneFixed(String action) {
        return RuleViolation.conflict("roomId", "room.one-on-one-fixed",
                "Room %s is a one-on-one room: you cannot %s it; create a group room for more people."
                        .formatted(roomId, action));
    }

    private void requireNotArchived(String action) {
        if (archived) {
            throw RuleViolation.conflict("roomId", "room.archived",
                    "Room %s is archived: it keeps its history but does not %s.".formatted(roomId, action));
        }
    }

    private PostedStory requireStory(String storyId) {
        PostedStory story = storyId == null ? null : stories.get(storyId);
        if (story == null) {
            throw RuleViolation.notFound("storyId", "story.not-found",
                    "Room %s has no story %s.".formatted(roomId, storyId));
        }
        return story;
    }

    private static void requireNotRemoved(String storyId, PostedStory story, String pastParticiple) {
        if (story.removed()) {
            throw RuleViolation.conflict("storyId", "story.removed",
                    "Story %s was removed; it cannot be %s.".formatted(storyId, pastParticiple));
        }
    }

    private String typeName() {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Long version() {
        return AggregateLifecycle.getVersion();
    }

    // State.

    @EventSourcingHandler
    void on(RoomOpenedEvent event) {
        roomId = event.roomId();
        type = event.type();
        topic = event.topic();
        members.joined(event.members());
        if (type == RoomType.CONTRACT) {
            contractFreelancerId = event.members().stream().filter(member -> member.role() == RoomRole.MEMBER)
                    .map(RoomMember::userId).findFirst().orElse(null);
        }
        if (type == RoomType.GROUP) {
            creation = creationOf(event.openedBy(), event.topic(), event.members());
        }
    }

    @EventSourcingHandler
    void on(RoomMemberAddedEvent event) {
        members.joined(event.userId(), event.role(), lastSequence);
    }

    @EventSourcingHandler
    void on(RoomMemberRemovedEvent event) {
        members.left(event.userId());
    }

    @EventSourcingHandler
    void on(RoomTopicChangedEvent event) {
        topic = event.topic();
    }

    @EventSourcingHandler
    void on(RoomArchivedEvent event) {
        archived = true;
    }

    /** Posting reads the room up to one's own message. */
    @EventSourcingHandler
    void on(RoomStoryPostedEvent event) {
        lastSequence = event.sequence();
        List<StoryAttachment> attachments = Objects.requireNonNullElse(event.attachments(), List.of());
        stories.put(event.storyId(), new PostedStory(event.sequence(), event.authorId(),
                postFingerprint(event.authorId(), event.text(), attachments), textFingerprint(event.text()),
                false));
        members.read(event.authorId(), event.sequence());
    }

    @EventSourcingHandler
    void on(RoomStoryEditedEvent event) {
        stories.computeIfPresent(event.storyId(), (id, story) -> story.edited(textFingerprint(event.text())));
    }

    @EventSourcingHandler
    void on(RoomStoryRemovedEvent event) {
        stories.computeIfPresent(event.storyId(), (id, story) -> story.removedStory());
    }

    @EventSourcingHandler
    void on(RoomReadMarkedEvent event) {
        members.read(event.userId(), event.readUpToSequence());
    }
}
