package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.ScreenshotHttp.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Files in messages through the real path: uploaded with {@code POST /attachments}, named by
 * {@code createRoomStory}, listed on the story, and downloadable by the room's members, for as long as they
 * are members and the message is there, and by finance and dispute handlers when the room is a contract's.
 */
class MessageAttachmentJourneyTest extends StandaloneTestBase {

    private MessagingApi messaging;
    private AttachmentHttp files;

    @BeforeEach
    void clients() {
        messaging = new MessagingApi(api);
        files = new AttachmentHttp("http://127.0.0.1:" + port);
    }

    @Test
    void aMemberDownloadsTheFilePostedInTheRoomWithItsChecksum() {
        String roomId = groupRoom(ALICE, List.of("carol", "dave"));
        byte[] pdf = AttachmentUploadTest.generated(300_000);
        String attachmentId = uploaded(CAROL, "brief.pdf", "application/pdf", pdf);

        JsonNode posted = messaging.postWithFiles(CAROL, roomId, "with-brief", "The brief, as agreed.", List.of(attachmentId))
                .dataAt("createRoomStory");

        JsonNode attachment = posted.path("story").path("attachments").get(0);
        String sha256 = DigestingCopy.sha256(pdf);
        assertThat(attachment.path("attachmentId").asString()).isEqualTo(attachmentId);
        assertThat(attachment.path("fileName").asString()).isEqualTo("brief.pdf");
        assertThat(attachment.path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.path("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(attachment.path("sha256").asString()).isEqualTo(sha256);
        assertThat(attachment.path("downloadUrl").asString()).isEqualTo("/attachments/" + attachmentId);
        Response download = files.download(ALICE, attachmentId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(DigestingCopy.sha256(download.body())).isEqualTo(sha256);
        assertThat(files.download(BOB, attachmentId).status()).as("not a member").isEqualTo(404);
    }

    @Test
    void aRemovedMemberAndARemovedMessageNoLongerReachTheFile() {
        String roomId = groupRoom(ALICE, List.of("carol", "dave"));
        String attachmentId = uploaded(CAROL, "logo.png", "image/png", AttachmentUploadTest.PNG);
        messaging.postWithFiles(CAROL, roomId, "logo", "Our logo", List.of(attachmentId)).answered();
        assertThat(files.download(DAVE, attachmentId).status()).isEqualTo(200);

        messaging.removeUser(ALICE, roomId, "dave").answered();
        assertThat(files.download(DAVE, attachmentId).status()).as("removed member").isEqualTo(404);
        assertThat(files.download(ALICE, attachmentId).status()).isEqualTo(200);

        messaging.remove(CAROL, roomId, "logo").answered();
        assertThat(files.download(ALICE, attachmentId).status()).as("message removed").isEqualTo(404);
        assertThat(files.download(CAROL, attachmentId).status()).as("the uploader keeps it").isEqualTo(200);
    }

    @Test
    void aMessageCarriesOnlyTheAuthorsOwnUnattachedUploads() {
        String roomId = groupRoom(ALICE, List.of("carol"));
        String alicesFile = uploaded(ALICE, "logo.png", "image/png", AttachmentUploadTest.PNG);
        String carolsFile = uploaded(CAROL, "logo.png", "image/png", AttachmentUploadTest.PNG);

        refused(() -> messaging.postWithFiles(CAROL, roomId, "theirs", "Hers", List.of(carolsFile, alicesFile)),
                "BAD_REQUEST", "attachmentIds[1]", "attachmentIds.not-uploaded");
        refused(() -> messaging.postWithFiles(CAROL, roomId, "unknown", "None", List.of(UUID.randomUUID().toString())),
                "BAD_REQUEST", "attachmentIds[0]", "attachmentIds.not-uploaded");
        refused(() -> messaging.postWithFiles(CAROL, roomId, "many", "Too many", java.util.Collections.nCopies(11, carolsFile)),
                "BAD_REQUEST", "attachmentIds", "attachmentIds.too-many");

        messaging.postWithFiles(CAROL, roomId, "first", "Once", List.of(carolsFile)).answered();
        messaging.postWithFiles(CAROL, roomId, "first", "Once", List.of(carolsFile)).answered();
        refused(() -> messaging.postWithFiles(CAROL, roomId, "second", "Twice", List.of(carolsFile)),
                "BAD_REQUEST", "attachmentIds[0]", "attachmentIds.already-attached");
        assertThat(files.download(ALICE, alicesFile).status()).isEqualTo(200);
    }

    @Test
    void financeAndDisputeHandlersDownloadTheFilesOfAContractRoomButSendNone() {
        String roomId = contractRoom();
        byte[] pdf = AttachmentUploadTest.generated(200_000);
        String attachmentId = uploaded(CAROL, "timesheet.pdf", "application/pdf", pdf);
        messaging.postWithFiles(CAROL, roomId, "timesheet", "The timesheet, for the record.", List.of(attachmentId)).answered();

        for (DemoUser staff : List.of(FRANK, ERIN)) {
            Response download = files.download(staff, attachmentId);
            assertThat(download.status()).as("%s downloads", staff).isEqualTo(200);
            assertThat(DigestingCopy.sha256(download.body())).isEqualTo(DigestingCopy.sha256(pdf));
            AttachmentUploadTest.assertRefused(files.upload(staff, "note.png", "image/png", AttachmentUploadTest.PNG),
                    403, "FORBIDDEN", null, "role.client-or-freelancer");
        }
        for (DemoUser noParty : List.of(BOB, DAVE)) {
            AttachmentUploadTest.assertRefused(files.download(noParty, attachmentId), 404, "NOT_FOUND", "attachmentId",
                    "attachmentId.unknown");
        }
    }

    @Test
    void financeAndDisputeHandlersAreToldFilesOfOneOnOneAndGroupRoomsDoNotExist() {
        String oneOnOne = messaging.createOneOnOne(CAROL, List.of("alice")).dataAt("createRoom.room.id").asString();
        String inOneOnOne = uploaded(CAROL, "logo.png", "image/png", AttachmentUploadTest.PNG);
        messaging.postWithFiles(CAROL, oneOnOne, unique("private"), "Just between us.", List.of(inOneOnOne)).answered();
        String inGroup = uploaded(CAROL, "logo.png", "image/png", AttachmentUploadTest.PNG);
        messaging.postWithFiles(CAROL, groupRoom(ALICE, List.of("carol")), "group", "For the group.", List.of(inGroup))
                .answered();
        assertThat(files.download(ALICE, inOneOnOne).status()).as("a member").isEqualTo(200);

        for (DemoUser staff : List.of(FRANK, ERIN)) {
            for (String attachmentId : List.of(inOneOnOne, inGroup)) {
                AttachmentUploadTest.assertRefused(files.download(staff, attachmentId), 404, "NOT_FOUND", "attachmentId",
                        "attachmentId.unknown");
            }
        }
    }

    /** A contract of Alice's that Carol accepted: its acceptance opened the room, with the two of them. */
    private String contractRoom() {
        String contractId = api.offerFixedPrice(ALICE, unique("files-offer"), "carol", "USD",
                        List.of(LedgerApi.milestone("Design", "100.00", "USD")))
                .dataAt("offerFixedPriceContract.contractId").asString();
        api.accept(CAROL, contractId).answered();
        return messaging.contractRoom(CAROL, contractId).dataAt("contractRoom.id").asString();
    }

    private String groupRoom(DemoUser owner, List<String> members) {
        return messaging.createGroup(owner, unique("files"), "Files", members).dataAt("createRoom.room.id").asString();
    }

    private String uploaded(DemoUser user, String fileName, String contentType, byte[] body) {
        Response response = files.upload(user, fileName, contentType, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("attachmentId").asString();
    }
}
