package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The byte cap (10 MB by default) over a raw socket, where the test controls exactly what is sent and
 * when: a body declared too large is refused before a byte of it is sent, and a chunked body that never
 * ends is refused while it is still being sent, the connection closed instead of the rest being read.
 */
class ScreenshotBodyLimitTest extends StandaloneTestBase {

    private static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Far more than the cap plus every buffer between the two ends (socket buffers, Tomcat's, its 2 MB swallow limit). */
    private static final long ENDLESS_BYTES = 20 * MAX_BYTES;

    @Test
    void aBodyDeclaredLargerThanTheCapIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(headers("Content-Length: " + (MAX_BYTES + 1)).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = RawHttpAnswers.readAnswer(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"rule\":\"body.too-large\"").contains("\"field\":\"body\"");
        }
    }

    @Test
    void anEndlessChunkedBodyIsRefusedAndTheConnectionClosedWhileItIsStillBeingSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            AtomicLong sent = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<String> sender = CompletableFuture.supplyAsync(() -> sendEndlessBody(socket, sent, stop));

            String answer = RawHttpAnswers.readAnswer(socket.getInputStream());
            long sentWhenAnswered = sent.get();
            String senderEnd = sender.get(30, TimeUnit.SECONDS);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"rule\":\"body.too-large\"");
            assertThat(sentWhenAnswered).isGreaterThan(MAX_BYTES).isLessThan(ENDLESS_BYTES);
            // The server closed the connection: sending failed soon after the cap (measured: answered at 13 MB sent,
            // closed at 17 MB), long before the 200 MB body was out.
            assertThat(senderEnd).startsWith("failed");
            assertThat(sent.get()).isLessThan(3 * MAX_BYTES);
        }
    }

    private String headers(String lengthHeader) {
        return "POST /screenshots HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: " + ScreenshotHttp.basic(CAROL) + "\r\n"
                + "Content-Type: image/png\r\n"
                + lengthHeader + "\r\n"
                + "\r\n";
    }

    /** Sends chunks of a PNG-looking body until the connection fails or the endless body is all out. */
    private String sendEndlessBody(Socket socket, AtomicLong sent, AtomicBoolean stop) {
        byte[] chunk = new byte[64 * 1024];
        byte[] pngSignature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(pngSignature, 0, chunk, 0, pngSignature.length);
        byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunkEnd = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = socket.getOutputStream();
            out.write(headers("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            while (sent.get() < ENDLESS_BYTES && !stop.get()) {
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
