package io.freelance.ledger.query.diary.screenshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload's body copied to a temporary file as it arrives, hashed (SHA-256) and counted on the way,
 * so the heap holds one buffer of it at a time, never the whole body. Closing deletes the file.
 */
final class SpooledBody implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final String FILE_PREFIX = "screenshot-";
    private static final String FILE_SUFFIX = ".upload";
    /** The names of spooled bodies, for a sweep of the ones a crash left behind. */
    static final String FILE_GLOB = FILE_PREFIX + "*" + FILE_SUFFIX;

    private final Path file;
    private final long bytes;
    private final String sha256;
    private final byte[] head;

    private SpooledBody(Path file, long bytes, String sha256, byte[] head) {
        this.file = file;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.head = head;
    }

    /**
     * Reads the body into a new file in {@code directory}. Past {@code maxBytes} it stops reading, one byte
     * over the limit, deletes what it wrote and refuses: an oversized upload costs the limit, not its size.
     */
    static SpooledBody spool(InputStream body, long maxBytes, Path directory) throws IOException {
        Path file = Files.createTempFile(directory, FILE_PREFIX, FILE_SUFFIX);
        try {
            MessageDigest digest = sha256Digest();
            byte[] buffer = new byte[BUFFER_BYTES];
            byte[] head = new byte[ImageFormat.SIGNATURE_BYTES];
            long total = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                int read;
                // Never ask for more than one byte past the limit.
                while ((read = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
                    if (total < head.length) {
                        System.arraycopy(buffer, 0, head, (int) total, (int) Math.min(read, head.length - total));
                    }
                    total += read;
                    if (total > maxBytes) {
                        throw ScreenshotRefusal.tooLarge(maxBytes);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            return new SpooledBody(file, total, HexFormat.of().formatHex(digest.digest()),
                    Arrays.copyOf(head, (int) Math.min(total, head.length)));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long bytes() {
        return bytes;
    }

    /** The content hash, lower-case hex: the screenshot's id. */
    String sha256() {
        return sha256;
    }

    /** The first bytes of the body (fewer when the body is shorter), where image formats sign themselves. */
    byte[] head() {
        return head.clone();
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the spooled upload " + file, e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
