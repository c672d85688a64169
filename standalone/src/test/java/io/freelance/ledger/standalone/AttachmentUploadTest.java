package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.messaging.attachment.Attachments;
import io.freelance.ledger.standalone.ScreenshotHttp.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /attachments} over HTTP on the standalone service: files are streamed into GridFS on the embedded
 * read store with their checksum and the type their bytes show; anything else is refused with a classified error
 * and stores nothing.
 */
class AttachmentUploadTest extends StandaloneTestBase {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    /** The start of a Windows executable ("MZ" and a DOS header), padded. */
    static final byte[] EXE = Arrays.copyOf(new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF}, 512);

    @Autowired
    MongoDatabase readModelDatabase;

    AttachmentHttp attachments;

    @BeforeEach
    void client() {
        attachments = new AttachmentHttp("http://127.0.0.1:" + port);
    }

    @Test
    void aFileIsStoredWithTheTypeItsBytesShowItsSizeAndItsChecksum() {
        byte[] pdf = generated(1_500_000);

        Response response = attachments.upload(CAROL, "Brief – v2.pdf", "application/pdf", pdf);

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode answer = response.json();
        String id = answer.path("attachmentId").asString();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(answer.path("fileName").asString()).isEqualTo("Brief – v2.pdf");
        assertThat(answer.path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(answer.path("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(answer.path("sha256").asString()).isEqualTo(DigestingCopy.sha256(pdf));
        assertThat(response.header("Location")).isEqualTo("/attachments/" + id);
    }

    @Test
    void aClientUploadsToo() {
        Response response = attachments.upload(ALICE, "logo.png", "image/png", PNG);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("contentType").asString()).isEqualTo("image/png");
    }

    @Test
    void aPngDeclaredAsPdfIsRefusedAndStoresNothing() {
        long files = storedFiles();

        assertRefused(attachments.upload(CAROL, "invoice.pdf", "application/pdf", PNG), 400, "BAD_REQUEST", "Content-Type",
                "Content-Type.mismatch");

        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void anExecutableDeclaredAsAnImageIsRefused() {
        assertRefused(attachments.upload(CAROL, "cat.png", "image/png", EXE), 400, "BAD_REQUEST", "Content-Type",
                "Content-Type.mismatch");
    }

    @Test
    void aTypeMessagesDoNotCarryIsRefused() {
        assertRefused(attachments.upload(CAROL, "page.html", "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8)),
                415, "BAD_REQUEST", "Content-Type", "Content-Type.unsupported");
        // curl's --data-binary without a Content-Type sends this one.
        assertRefused(attachments.upload(CAROL, "logo.png", "application/x-www-form-urlencoded", PNG),
                415, "BAD_REQUEST", "Content-Type", "Content-Type.unsupported");
    }

    @Test
    void anEmptyFileIsRefused() {
        long files = storedFiles();

        assertRefused(attachments.upload(CAROL, "empty.pdf", "application/pdf", new byte[0]), 400, "BAD_REQUEST", "body",
                "body.required");

        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void badFileNamesAreRefused() {
        long files = storedFiles();

        assertRefused(attachments.upload(CAROL, null, "image/png", PNG), 400, "BAD_REQUEST", "fileName", "fileName.required");
        assertRefused(attachments.upload(CAROL, "../../etc/logo.png", "image/png", PNG), 400, "BAD_REQUEST", "fileName",
                "fileName.path");
        assertRefused(attachments.upload(CAROL, "invoice\u202Egnp.exe", "image/png", PNG), 400, "BAD_REQUEST", "fileName",
                "fileName.control-characters");
        assertRefused(attachments.upload(CAROL, "x".repeat(252) + ".png", "image/png", PNG), 400, "BAD_REQUEST", "fileName",
                "fileName.too-long");

        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void financeAndDisputeHandlersDoNotUpload() {
        assertRefused(attachments.upload(ERIN, "logo.png", "image/png", PNG), 403, "FORBIDDEN", null, "role.client-or-freelancer");
    }

    @Test
    void anUnauthenticatedUploadIsRefused() {
        Response response = attachments.anonymous(attachments.request(AttachmentHttp.uploadPath("logo.png"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(PNG)));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void davesUploadIsNotCarolsToClaim(@Autowired Attachments stored) {
        String id = attachments.upload(DAVE, "logo.png", "image/png", PNG).json().path("attachmentId").asString();

        assertThat(stored.claim(id, "dave").sha256()).isEqualTo(DigestingCopy.sha256(PNG));
        assertThatThrownBy(() -> stored.claim(id, "carol"))
                .hasMessageContaining("You have uploaded no attachment with that id");
    }

    private long storedFiles() {
        return readModelDatabase.getCollection("attachments.files").countDocuments()
                + readModelDatabase.getCollection("attachments.chunks").countDocuments();
    }

    static byte[] generated(int bytes) {
        try {
            return new GeneratedFile(bytes, bytes).open().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertRefused(Response response, int status, String classification, String field, String rule) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json();
        assertThat(error.path("classification").asString()).isEqualTo(classification);
        assertThat(error.path("rule").asString()).isEqualTo(rule);
        if (field == null) {
            assertThat(error.path("field").isNull() || error.path("field").isMissingNode()).isTrue();
        } else {
            assertThat(error.path("field").asString()).isEqualTo(field);
        }
        assertThat(error.path("message").asString()).isNotBlank().doesNotContain("Exception");
    }
}
