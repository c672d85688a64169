package io.freelance.ledger.standalone;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A large file made as it is read, never held whole: a PDF header, then bytes from a seeded generator (so nothing
 * along the way can compress them). The same seed and size give the same bytes, so the checksum a service reports
 * can be compared with {@link #sha256()}, worked out by generating the file once more.
 */
public final class GeneratedFile {

    private static final byte[] PDF_HEADER = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);

    private final long sizeBytes;
    private final long seed;

    public GeneratedFile(long sizeBytes, long seed) {
        if (sizeBytes < PDF_HEADER.length) {
            throw new IllegalArgumentException("A generated file has at least " + PDF_HEADER.length + " bytes");
        }
        this.sizeBytes = sizeBytes;
        this.seed = seed;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** A new stream of the file's bytes, from the start. */
    public InputStream open() {
        return new Stream();
    }

    public String sha256() {
        MessageDigest digest = DigestingCopy.sha256Digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = open()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private final class Stream extends InputStream {

        private long position;
        private long state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= sizeBytes) {
                return -1;
            }
            int count = (int) Math.min(length, sizeBytes - position);
            for (int i = 0; i < count; i++) {
                long at = position + i;
                buffer[offset + i] = at < PDF_HEADER.length ? PDF_HEADER[(int) at] : nextByte();
            }
            position += count;
            return count;
        }

        /** xorshift64: fast enough that generating 100 MB costs well under a second. */
        private byte nextByte() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (byte) state;
        }
    }
}
