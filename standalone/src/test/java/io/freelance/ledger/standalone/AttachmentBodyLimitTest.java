package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attachment cap at its default, 100 MB, over a raw socket, where the test controls exactly what is sent and
 * when: a body declared too large is refused before a byte of it is sent; a body sent in chunks is refused once
 * it passes the cap, while it is still being sent, and what was already written to GridFS is deleted.
 */
class AttachmentBodyLimitTest extends StandaloneTestBase {

    private static final long MAX_BYTES = 100L * 1024 * 1024;
    /** The cap, and more than every buffer between the two ends (socket buffers, Tomcat's, its 2 MB swallow limit). */
    private static final long OVERSIZED_BYTES = MAX_BYTES + 20L * 1024 * 1024;

    @Autowired
    MongoDatabase readModelDatabase;

    @Test
    void aBodyDeclaredLargerThanTheCapIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(headers("Content-Length: " + (MAX_BYTES + 1)).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = RawHttpAnswers.readAnswer(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"rule\":\"body.too-large\"").contains("\"field\":\"body\"")
                    .contains("at most 104857600 bytes");
        }
    }

    @Test
    void aChunkedBodyPastTheCapIsRefusedWhileBeingSentAndNothingOfItIsKept() throws Exception {
        long filesBefore = count("attachments.files");
        long chunksBefore = count("attachments.chunks");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            AtomicLong sent = new AtomicLong();
            CompletableFuture<String> sender = CompletableFuture.supplyAsync(() -> sendChunked(socket, sent));

            String answer = RawHttpAnswers.readAnswer(socket.getInputStream());
            String senderEnd = sender.get(60, TimeUnit.SECONDS);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"rule\":\"body.too-large\"");
            // The server stopped reading one byte past the cap and closed the connection soon after, before the rest was out.
            assertThat(senderEnd).startsWith("failed");
            assertThat(sent.get()).isGreaterThan(MAX_BYTES).isLessThan(OVERSIZED_BYTES);
        }
        assertThat(count("attachments.files")).isEqualTo(filesBefore);
        assertThat(count("attachments.chunks")).isEqualTo(chunksBefore);
    }

    private long count(String collection) {
        return readModelDatabase.getCollection(collection).countDocuments();
    }

    private String headers(String lengthHeader) {
        return "POST /attachments?fileName=large.pdf HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: " + ScreenshotHttp.basic(CAROL) + "\r\n"
                + "Content-Type: application/pdf\r\n"
                + lengthHeader + "\r\n"
                + "\r\n";
    }

    /** Sends a generated PDF in 64 KiB chunks until the connection fails or the whole oversized file is out. */
    private String sendChunked(Socket socket, AtomicLong sent) {
        byte[] chunk = new byte[64 * 1024];
        byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunkEnd = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try (InputStream file = new GeneratedFile(OVERSIZED_BYTES, 7).open()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            while (file.readNBytes(chunk, 0, chunk.length) == chunk.length) {
                out.write(chunkHeader);
                out.write(chunk);
                out.write(chunkEnd);
                sent.addAndGet(chunk.length);
            }
            return "completed";
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
    }
}
