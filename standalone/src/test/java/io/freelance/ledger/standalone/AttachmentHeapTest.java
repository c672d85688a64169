package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A file of the largest size allowed by default (100 MB) goes up and comes back through the standalone service run
 * as its own JVM at {@code -Xmx256m}, half the heap the service is meant to run in: two and a half times the file,
 * less the service's own live data and the embedded read store's write buffers. (At 128m the embedded store's
 * write buffer itself ran out of heap once in a suite run, while nothing held the file whole.) A copy of the whole
 * file in the service (a buffered body, a byte array for the checksum or for GridFS) leaves no room at that size;
 * streamed, it goes through, and the checksum the service answers and the one of the bytes it
 * serves back are the file's. The test side streams too: the file is generated as it is sent and digested as it
 * is received. Measured on a 2-core machine shared with other builds: 11–23 s up, 4–7 s down (128m and 256m).
 */
class AttachmentHeapTest {

    private static final String HEAP = "256m";
    private static final long SIZE_BYTES = 100L * 1024 * 1024;

    private static ServiceProcess service;

    @BeforeAll
    static void start() {
        Path data = Path.of("target", "test-data", "attachment-heap-" + UUID.randomUUID());
        service = new ServiceProcess("attachment-heap", data, Map.of()).maxHeap(HEAP).start();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aLargeFileGoesThroughASmallHeap() throws Exception {
        AttachmentHttp http = new AttachmentHttp(service.baseUrl(), Duration.ofMinutes(5));
        GeneratedFile file = new GeneratedFile(SIZE_BYTES, 42);
        String expected = file.sha256();

        long started = System.nanoTime();
        // In chunks, no Content-Length: the service learns the size only by reading to the end.
        AttachmentHttp.Uploaded uploaded = http.upload(CAROL, "large.pdf", "application/pdf", file, false);
        double uploadSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(uploaded.json().path("sha256").asString()).isEqualTo(expected);
        assertThat(uploaded.json().path("sizeBytes").asLong()).isEqualTo(SIZE_BYTES);

        started = System.nanoTime();
        AttachmentHttp.Digested downloaded = http.downloadDigested(CAROL, uploaded.json().path("attachmentId").asString());
        double downloadSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Length")).hasValue(String.valueOf(SIZE_BYTES));
        assertThat(downloaded.body().bytes()).isEqualTo(SIZE_BYTES);
        assertThat(downloaded.body().sha256()).isEqualTo(expected);
        System.out.printf("heap %s, %d bytes: upload %.1f s (%.1f MB/s), download %.1f s (%.1f MB/s)%n", HEAP, SIZE_BYTES,
                uploadSeconds, SIZE_BYTES / 1e6 / uploadSeconds, downloadSeconds, SIZE_BYTES / 1e6 / downloadSeconds);
        assertThat(service.isAlive()).isTrue();
        assertThat(Files.readString(service.logFiles().get(0))).doesNotContain("OutOfMemoryError");
    }
}
