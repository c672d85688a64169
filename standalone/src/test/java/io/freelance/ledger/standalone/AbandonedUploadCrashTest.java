package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A crash in the middle of an upload costs no space for good. The standalone service, its own JVM, takes 1.2 MB of
 * an attachment sent in chunks and the first megabyte of a 5 MB screenshot, and is killed with SIGKILL while the
 * rest is awaited. The read-model file then holds the attachment's chunks written so far and the note that the
 * upload was under way; the screenshot's spool directory holds its body, which only the upload's answer deletes.
 * Restarted on the same data, the service deletes all of it once it is older than an upload could have run (twice
 * {@code ledger.attachments.max-upload-time}, and {@code ledger.screenshots.abandoned-after}, 3 s each here), and a
 * file uploaded whole before the crash still comes back byte for byte.
 */
class AbandonedUploadCrashTest {

    private static final int BYTES_SENT_BEFORE_THE_CRASH = 1_200_000;
    private static final int SCREENSHOT_BYTES_DECLARED = 5_000_000;
    private static final int SCREENSHOT_BYTES_SENT_BEFORE_THE_CRASH = 1_000_000;
    /** The embedded read store writes its file about once a second; this leaves it time to write the chunks. */
    private static final Duration READ_STORE_WRITE = Duration.ofMillis(2_500);
    private static final Duration LONGEST_SWEEP_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory = Path.of("target", "test-data", "abandoned-upload-" + UUID.randomUUID()).toAbsolutePath();
    private final Path spoolDirectory = dataDirectory.resolve("screenshot-spool");
    private final Map<String, String> environment = Map.of(
            "LEDGER_ATTACHMENTS_MAX_UPLOAD_TIME", "PT3S",
            "LEDGER_SCREENSHOTS_SPOOL_DIRECTORY", spoolDirectory.toString(),
            "LEDGER_SCREENSHOTS_ABANDONED_AFTER", "PT3S");

    @Test
    void whatAnUploadCutOffByACrashWroteIsDeletedAfterTheRestart() throws Exception {
        GeneratedFile whole = new GeneratedFile(700_000, 7);
        try (ServiceProcess service = new ServiceProcess("abandoned-upload", dataDirectory, environment)) {
            service.start();
            AttachmentHttp http = new AttachmentHttp(service.baseUrl(), Duration.ofMinutes(1));
            AttachmentHttp.Uploaded kept = http.upload(CAROL, "kept.pdf", "application/pdf", whole, true);
            assertThat(kept.status()).as(kept.text()).isEqualTo(201);
            String keptId = kept.json().path("attachmentId").asString();

            try (Socket upload = startChunkedUpload(service.port());
                 Socket screenshot = startScreenshotUpload(service.port())) {
                awaitSpooled(SCREENSHOT_BYTES_SENT_BEFORE_THE_CRASH);
                ServiceProcess.pause(READ_STORE_WRITE);
                service.kill();
            }
            ReadModels left = readModels();
            assertThat(left.chunks()).as("the cut-off upload's chunks, beside the whole file's three").isGreaterThan(3);
            assertThat(left.uploadsUnderWay()).isEqualTo(1);
            assertThat(spooledBodies()).as("the body the killed screenshot upload spooled").hasSize(1);

            service.start();
            awaitLogged(service, "Deleted 1 attachment upload(s) that never finished");
            awaitLogged(service, "and 1 spooled upload bod(ies)");
            assertThat(spooledBodies()).isEmpty();
            AttachmentHttp.Digested downloaded = new AttachmentHttp(service.baseUrl(), Duration.ofMinutes(1))
                    .downloadDigested(CAROL, keptId);
            assertThat(downloaded.status()).isEqualTo(200);
            assertThat(downloaded.body().sha256()).isEqualTo(whole.sha256());
            service.stop();
        }
        ReadModels after = readModels();
        assertThat(after.chunks()).as("only the whole file's chunks").isEqualTo(3);
        assertThat(after.uploadsUnderWay()).isZero();
    }

    /** Sends the headers and the first 1.2 MB of a chunked body, then nothing more. */
    private static Socket startChunkedUpload(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /attachments?fileName=cut.pdf HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basicCredentials()
                + "\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] buffer = new byte[60_000];
        try (InputStream file = new GeneratedFile(100_000_000, 11).open()) {
            for (int sent = 0; sent < BYTES_SENT_BEFORE_THE_CRASH; sent += buffer.length) {
                int length = file.readNBytes(buffer, 0, buffer.length);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buffer, 0, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.flush();
        return socket;
    }

    /** Sends the headers of a 5 MB PNG and its first megabyte (a PNG signature, then zeros), then nothing more. */
    private static Socket startScreenshotUpload(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /screenshots HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basicCredentials()
                + "\r\nContent-Type: image/png\r\nContent-Length: " + SCREENSHOT_BYTES_DECLARED + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] body = new byte[SCREENSHOT_BYTES_SENT_BEFORE_THE_CRASH];
        byte[] pngSignature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(pngSignature, 0, body, 0, pngSignature.length);
        out.write(body);
        out.flush();
        return socket;
    }

    private static String basicCredentials() {
        return Base64.getEncoder().encodeToString(("carol:" + CAROL.password()).getBytes(StandardCharsets.UTF_8));
    }

    private void awaitSpooled(long bytes) throws IOException {
        long deadline = System.nanoTime() + LONGEST_SWEEP_WAIT.toNanos();
        while (spooledBodies().stream().mapToLong(AbandonedUploadCrashTest::size).sum() < bytes) {
            assertThat(System.nanoTime()).as("the screenshot's body spooled in %s", spoolDirectory).isLessThan(deadline);
            ServiceProcess.pause(Duration.ofMillis(50));
        }
    }

    private List<Path> spooledBodies() throws IOException {
        if (!Files.isDirectory(spoolDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            return files.filter(file -> file.getFileName().toString().matches("screenshot-.*\\.upload")).toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException answeredMeanwhile) {
            return 0;
        }
    }

    private static void awaitLogged(ServiceProcess service, String report) throws IOException {
        long deadline = System.nanoTime() + LONGEST_SWEEP_WAIT.toNanos();
        Path log = service.logFiles().get(service.logFiles().size() - 1);
        while (!Files.readString(log).contains(report)) {
            assertThat(System.nanoTime()).as("the sweep's report in %s", log).isLessThan(deadline);
            ServiceProcess.pause(Duration.ofMillis(200));
        }
    }

    private record ReadModels(long chunks, long uploadsUnderWay) {
    }

    /** Counts in the read-model file itself, opened while no service runs on it. */
    private ReadModels readModels() {
        H2Backend file = new EmbeddedMongoConfig().readModelBackend(dataDirectory, EmbeddedMongoConfig.DEFAULT_READ_STORE_CACHE_MB);
        try {
            return new ReadModels(count(file, "attachments.chunks"), count(file, "attachments.uploading"));
        } finally {
            file.close();
        }
    }

    private static long count(H2Backend file, String collection) {
        MongoCollection<?> found = file.resolveDatabase("ledger").resolveCollection(collection, false);
        return found == null ? 0 : found.count();
    }
}
