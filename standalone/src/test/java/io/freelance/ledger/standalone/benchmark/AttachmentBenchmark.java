package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.AttachmentHttp;
import io.freelance.ledger.standalone.DemoUser;
import io.freelance.ledger.standalone.GeneratedFile;
import io.freelance.ledger.standalone.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Attachment throughput over HTTP, for the standalone service as its own JVM at -Xmx512m (as the README runs it):
 * files of the default cap's size (100 MB) uploaded one after another in chunks, then downloaded, each generated as
 * it is sent and digested as it is received, so the figures are the service's and the embedded read store's, not the
 * test's. One 20 MB upload first warms the service up. Prints MB/s for each file and over all; fails only on a wrong answer (a refusal, a checksum or size that is
 * not the file's). Sizes are system properties: {@code attachmentBench.files} (3), {@code attachmentBench.megabytes}
 * (100), {@code attachmentBench.heap} (512m).
 */
@Tag("benchmark")
class AttachmentBenchmark {

    private static final int FILES = Integer.getInteger("attachmentBench.files", 3);
    private static final long SIZE_BYTES = Long.getLong("attachmentBench.megabytes", 100) * 1024 * 1024;
    private static final String HEAP = System.getProperty("attachmentBench.heap", "512m");
    private static final long WARM_UP_BYTES = 20L * 1024 * 1024;

    private record Transfer(String direction, int file, double seconds) {

        double megabytesPerSecond() {
            return SIZE_BYTES / 1e6 / seconds;
        }
    }

    @Test
    void uploadAndDownloadMegabytesPerSecond() {
        Path data = Path.of("target", "benchmark-data", "attachments-" + UUID.randomUUID()).toAbsolutePath();
        List<Transfer> transfers = new ArrayList<>();
        try (ServiceProcess service = new ServiceProcess("attachment-benchmark", data, Map.of()).maxHeap(HEAP).start()) {
            AttachmentHttp http = new AttachmentHttp(service.baseUrl(), Duration.ofMinutes(10));
            // Warm-up, not counted: the first upload creates the GridFS collections, and the JIT has not compiled the path yet.
            GeneratedFile warmUp = new GeneratedFile(WARM_UP_BYTES, 0);
            assertThat(http.upload(DemoUser.CAROL, "warm-up.pdf", "application/pdf", warmUp, false).status()).isEqualTo(201);
            List<String> ids = new ArrayList<>();
            List<String> checksums = new ArrayList<>();
            for (int file = 1; file <= FILES; file++) {
                GeneratedFile generated = new GeneratedFile(SIZE_BYTES, file);
                checksums.add(generated.sha256());
                long started = System.nanoTime();
                AttachmentHttp.Uploaded uploaded = http.upload(DemoUser.CAROL, "file-" + file + ".pdf", "application/pdf",
                        generated, false);
                transfers.add(new Transfer("upload", file, seconds(started)));
                assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
                assertThat(uploaded.json().path("sha256").asString()).isEqualTo(checksums.get(file - 1));
                ids.add(uploaded.json().path("attachmentId").asString());
            }
            for (int file = 1; file <= FILES; file++) {
                long started = System.nanoTime();
                AttachmentHttp.Digested downloaded = http.downloadDigested(DemoUser.CAROL, ids.get(file - 1));
                transfers.add(new Transfer("download", file, seconds(started)));
                assertThat(downloaded.status()).isEqualTo(200);
                assertThat(downloaded.body().bytes()).isEqualTo(SIZE_BYTES);
                assertThat(downloaded.body().sha256()).isEqualTo(checksums.get(file - 1));
            }
        }
        print(transfers);
    }

    private static void print(List<Transfer> transfers) {
        StringBuilder report = new StringBuilder("%nAttachments: %d files of %d MB, service at -Xmx%s, %d cores%n"
                .formatted(FILES, SIZE_BYTES / 1024 / 1024, HEAP, Runtime.getRuntime().availableProcessors()));
        for (Transfer transfer : transfers) {
            report.append(String.format(Locale.ROOT, "  %-8s file %d: %6.1f s  %6.1f MB/s%n", transfer.direction(),
                    transfer.file(), transfer.seconds(), transfer.megabytesPerSecond()));
        }
        for (String direction : List.of("upload", "download")) {
            double seconds = transfers.stream().filter(t -> t.direction().equals(direction)).mapToDouble(Transfer::seconds).sum();
            report.append(String.format(Locale.ROOT, "  %-8s overall: %.1f MB/s%n", direction, FILES * SIZE_BYTES / 1e6 / seconds));
        }
        System.out.println(report);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
