package io.freelance.ledger.query.diary.screenshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledBodyTest {

    @TempDir
    Path spoolDirectory;

    @Test
    void theBodyIsCopiedToAFileWithItsHashAndLength() throws Exception {
        byte[] body = TestImages.png(300, 200, 1);
        try (SpooledBody spooled = SpooledBody.spool(new ByteArrayInputStream(body), body.length, spoolDirectory)) {
            assertThat(spooled.bytes()).isEqualTo(body.length);
            assertThat(spooled.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            assertThat(Files.readAllBytes(spooled.file())).isEqualTo(body);
            assertThat(ImageFormat.ofContent(spooled.head())).contains(ImageFormat.PNG);
        }
        assertThat(spoolDirectory).isEmptyDirectory();
    }

    @Test
    void readingStopsOneByteAfterTheCapAndLeavesNoFile() {
        long maxBytes = 1_000_000;
        EndlessBody body = new EndlessBody();

        assertThatThrownBy(() -> SpooledBody.spool(body, maxBytes, spoolDirectory))
                .isInstanceOfSatisfying(ScreenshotRefusal.class, refusal -> {
                    assertThat(refusal.status().value()).isEqualTo(413);
                    assertThat(refusal.error().rule()).isEqualTo("body.too-large");
                });
        assertThat(body.bytesRead).isEqualTo(maxBytes + 1);
        assertThat(spoolDirectory).isEmptyDirectory();
    }

    @Test
    void aBodyOfExactlyTheCapIsAccepted() throws Exception {
        try (SpooledBody spooled = SpooledBody.spool(new ByteArrayInputStream(new byte[4096]), 4096, spoolDirectory)) {
            assertThat(spooled.bytes()).isEqualTo(4096);
        }
    }

    /** A body that never ends, counting what the reader took from it. */
    private static final class EndlessBody extends InputStream {

        long bytesRead;

        @Override
        public int read() {
            bytesRead++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            bytesRead += length;
            return length;
        }
    }
}
