package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.messaging.attachment.Attachments;
import io.freelance.ledger.standalone.ScreenshotHttp.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /attachments/{id}} over HTTP: streamed from GridFS as the type the bytes showed, always as a download,
 * with its checksum; to anyone who may not see it the attachment does not exist. Room membership is the messaging
 * read model's to say; in this build no one is a member of any room yet, so only uploaders download.
 */
class AttachmentDownloadTest extends StandaloneTestBase {

    @Autowired
    Attachments stored;

    AttachmentHttp attachments;

    @BeforeEach
    void client() {
        attachments = new AttachmentHttp("http://127.0.0.1:" + port);
    }

    @Test
    void theUploaderDownloadsTheFileByteForByteWithItsChecksumAndAsADownload() {
        byte[] pdf = AttachmentUploadTest.generated(2_000_000); // eight GridFS chunks
        String sha256 = DigestingCopy.sha256(pdf);
        String id = uploaded(CAROL, "Résumé \"final\".pdf", "application/pdf", pdf);

        Response download = attachments.download(CAROL, id);

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(pdf.length));
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"R_sum_ _final_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256 + "\"");
        assertThat(download.header("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
        assertThat(download.header("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void aMatchingETagIsAnsweredNotModified() {
        byte[] png = AttachmentUploadTest.PNG;
        String id = uploaded(CAROL, "logo.png", "image/png", png);

        Response again = attachments.downloadIfNoneMatch(CAROL, id, "\"" + DigestingCopy.sha256(png) + "\"");

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void anotherUserIsToldTheFileDoesNotExist() {
        String id = uploaded(CAROL, "logo.png", "image/png", AttachmentUploadTest.PNG);

        Response unknown = attachments.download(DAVE, UUID.randomUUID().toString());
        for (DemoUser other : new DemoUser[]{DAVE, ALICE, FRANK}) {
            Response response = attachments.download(other, id);
            AttachmentUploadTest.assertRefused(response, 404, "NOT_FOUND", "attachmentId", "attachmentId.unknown");
            assertThat(response.text()).isEqualTo(unknown.text());
        }
        AttachmentUploadTest.assertRefused(attachments.download(DAVE, "not-an-id"), 404, "NOT_FOUND", "attachmentId",
                "attachmentId.unknown");
    }

    /** Even the ETag is withheld: a 304 would tell Dave that the file exists. */
    @Test
    void anotherUserWithTheRightETagIsStillToldItDoesNotExist() {
        byte[] png = AttachmentUploadTest.PNG;
        String id = uploaded(CAROL, "logo.png", "image/png", png);

        Response response = attachments.downloadIfNoneMatch(DAVE, id, "\"" + DigestingCopy.sha256(png) + "\"");

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void aFileInAMessageStaysHiddenFromThoseTheRoomDoesNotList() {
        String id = uploaded(CAROL, "logo.png", "image/png", AttachmentUploadTest.PNG);

        stored.markAttached(id, "room-" + UUID.randomUUID(), "story-1");

        assertThat(attachments.download(ALICE, id).status()).isEqualTo(404);
        assertThat(attachments.download(CAROL, id).status()).isEqualTo(200);
    }

    @Test
    void anUnauthenticatedDownloadIsRefused() {
        String id = uploaded(CAROL, "logo.png", "image/png", AttachmentUploadTest.PNG);

        assertThat(attachments.anonymous(attachments.request("/attachments/" + id).GET()).status()).isEqualTo(401);
    }

    private String uploaded(DemoUser user, String fileName, String contentType, byte[] body) {
        Response response = attachments.upload(user, fileName, contentType, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("attachmentId").asString();
    }
}
