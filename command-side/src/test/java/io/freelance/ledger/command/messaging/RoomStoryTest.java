package io.freelance.ledger.command.messaging;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.messaging.EditRoomStoryCommand;
import io.freelance.ledger.messaging.PostRoomStoryCommand;
import io.freelance.ledger.messaging.RemoveRoomStoryCommand;
import io.freelance.ledger.messaging.RoomArchivedEvent;
import io.freelance.ledger.messaging.RoomLimits;
import io.freelance.ledger.messaging.RoomStoryEditedEvent;
import io.freelance.ledger.messaging.RoomStoryPostedEvent;
import io.freelance.ledger.messaging.RoomStoryRemovedEvent;
import io.freelance.ledger.messaging.StoryAttachment;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages: posted once by id, numbered from 1, edited by their author, removed by the author or a manager. */
class RoomStoryTest extends RoomTestBase {

    private static final String HELLO = "Hello! The draft is in the shared folder.";

    private static PostRoomStoryCommand post(String storyId, String text) {
        return new PostRoomStoryCommand(CONTRACT_ROOM, storyId, text, null);
    }

    @Test
    void aMembersFirstMessageIsNumberOne() {
        given(contractRoomOpened())
                .when(post("s1", HELLO), as(CLIENT))
                .expectEvents(new RoomStoryPostedEvent(CONTRACT_ROOM, "s1", 1, CLIENT.userId(), HELLO, List.of(), NOW));
    }

    @Test
    void messagesAreNumberedInTheOrderTheRoomTookThem() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO))
                .when(post("s2", "Thanks, reading it now."), as(FREELANCER))
                .expectEvents(new RoomStoryPostedEvent(CONTRACT_ROOM, "s2", 2, FREELANCER.userId(),
                        "Thanks, reading it now.", List.of(), NOW));
    }

    @Test
    void aRepeatedPostWithTheSameContentChangesNothing() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO))
                .when(post("s1", HELLO), as(CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L)
                .expectNoEvents();
    }

    @Test
    void aStoryIdReusedForOtherContentIsRefused() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO))
                .when(post("s1", "Something else"), as(CLIENT))
                .expectException(conflict("storyId", "story.id-reused"));
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO))
                .when(post("s1", HELLO), as(FREELANCER))
                .expectException(conflict("storyId", "story.id-reused"));
    }

    @Test
    void aMessageNeedsText() {
        given(contractRoomOpened())
                .when(post("s1", " \n "), as(CLIENT))
                .expectException(badRequest("text", "text.required"));
    }

    @Test
    void aMessageHasAtMostFiveThousandCharacters() {
        given(contractRoomOpened())
                .when(post("s1", "a".repeat(RoomLimits.STORY_TEXT_MAX_LENGTH + 1)), as(CLIENT))
                .expectException(badRequest("text", "text.too-long"));
    }

    @Test
    void controlCharactersAndBidirectionalOverridesAreRefused() {
        given(contractRoomOpened())
                .when(post("s1", "ring \u0007 the bell"), as(CLIENT))
                .expectException(badRequest("text", "text.control-characters"));
        given(contractRoomOpened())
                .when(post("s1", "invoice\u202Efdp.exe"), as(CLIENT))
                .expectException(badRequest("text", "text.control-characters"));
    }

    @Test
    void aStoryIdIsAnId() {
        given(contractRoomOpened())
                .when(post("s 1", HELLO), as(CLIENT))
                .expectException(badRequest("storyId", "storyId.format"));
    }

    @Test
    void aMessageCarriesAtMostTenFiles() {
        StoryAttachment file = new StoryAttachment("a1", "brief.pdf", "application/pdf", 1024, "00");
        given(contractRoomOpened())
                .when(new PostRoomStoryCommand(CONTRACT_ROOM, "s1", HELLO,
                        Collections.nCopies(RoomLimits.MAX_ATTACHMENTS + 1, file)), as(CLIENT))
                .expectException(badRequest("attachments", "attachments.too-many"));
    }

    @Test
    void onlyMembersPost() {
        given(contractRoomOpened())
                .when(post("s1", HELLO), as(OUTSIDER))
                .expectException(notFound("roomId", "room.not-found"));
        given(contractRoomOpened())
                .when(post("s1", HELLO), as(FINANCE))
                .expectException(notFound("roomId", "room.not-found"));
        given(contractRoomOpened())
                .when(post("s1", HELLO), as(HANDLER))
                .expectException(notFound("roomId", "room.not-found"));
    }

    @Test
    void anArchivedRoomTakesNoMessages() {
        givenGroup(new RoomArchivedEvent(GROUP, CLIENT.userId(), OPENED_AT))
                .when(new PostRoomStoryCommand(GROUP, "s1", HELLO, List.of()), as(FREELANCER))
                .expectException(conflict("roomId", "room.archived"));
    }

    // Edits.

    @Test
    void theAuthorEditsAMessage() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO))
                .when(new EditRoomStoryCommand(CONTRACT_ROOM, "s1", "The draft is in the folder."), as(CLIENT))
                .expectEvents(new RoomStoryEditedEvent(CONTRACT_ROOM, "s1", 1, "The draft is in the folder.",
                        CLIENT.userId(), NOW));
    }

    @Test
    void onlyTheAuthorEdits() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO))
                .when(new EditRoomStoryCommand(CONTRACT_ROOM, "s1", "Changed by someone else"), as(FREELANCER))
                .expectException(forbidden("storyId", "story.author-only"));
    }

    @Test
    void anEditToTheSameTextChangesNothing() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO),
                new RoomStoryEditedEvent(CONTRACT_ROOM, "s1", 1, "Edited", CLIENT.userId(), OPENED_AT))
                .when(new EditRoomStoryCommand(CONTRACT_ROOM, "s1", "Edited"), as(CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEditNeedsSafeText() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO))
                .when(new EditRoomStoryCommand(CONTRACT_ROOM, "s1", ""), as(CLIENT))
                .expectException(badRequest("text", "text.required"));
    }

    @Test
    void aRemovedMessageIsNotEdited() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO),
                new RoomStoryRemovedEvent(CONTRACT_ROOM, "s1", 1, CLIENT.userId(), OPENED_AT))
                .when(new EditRoomStoryCommand(CONTRACT_ROOM, "s1", "Back again"), as(CLIENT))
                .expectException(conflict("storyId", "story.removed"));
    }

    @Test
    void anUnknownMessageIsNotFound() {
        given(contractRoomOpened())
                .when(new EditRoomStoryCommand(CONTRACT_ROOM, "s9", "Edited"), as(CLIENT))
                .expectException(notFound("storyId", "story.not-found"));
    }

    @Test
    void anArchivedRoomTakesNoEdits() {
        givenGroup(posted(GROUP, "s1", 1, FREELANCER, HELLO), new RoomArchivedEvent(GROUP, CLIENT.userId(), OPENED_AT))
                .when(new EditRoomStoryCommand(GROUP, "s1", "Edited"), as(FREELANCER))
                .expectException(conflict("roomId", "room.archived"));
    }

    // Removals.

    @Test
    void theAuthorRemovesAMessage() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, FREELANCER, HELLO))
                .when(new RemoveRoomStoryCommand(CONTRACT_ROOM, "s1"), as(FREELANCER))
                .expectEvents(new RoomStoryRemovedEvent(CONTRACT_ROOM, "s1", 1, FREELANCER.userId(), NOW));
    }

    @Test
    void aManagerRemovesAnotherMembersMessage() {
        givenGroup(posted(GROUP, "s1", 1, MEMBER, HELLO))
                .when(new RemoveRoomStoryCommand(GROUP, "s1"), as(ADMIN))
                .expectEvents(new RoomStoryRemovedEvent(GROUP, "s1", 1, ADMIN.userId(), NOW));
    }

    @Test
    void aMemberDoesNotRemoveAnothersMessage() {
        givenGroup(posted(GROUP, "s1", 1, MEMBER, HELLO))
                .when(new RemoveRoomStoryCommand(GROUP, "s1"), as(FREELANCER))
                .expectException(forbidden("storyId", "story.author-or-manager"));
    }

    @Test
    void aRemovedMessageIsNotRemovedAgain() {
        given(contractRoomOpened(), posted(CONTRACT_ROOM, "s1", 1, CLIENT, HELLO),
                new RoomStoryRemovedEvent(CONTRACT_ROOM, "s1", 1, CLIENT.userId(), OPENED_AT))
                .when(new RemoveRoomStoryCommand(CONTRACT_ROOM, "s1"), as(CLIENT))
                .expectException(conflict("storyId", "story.removed"));
    }
}
