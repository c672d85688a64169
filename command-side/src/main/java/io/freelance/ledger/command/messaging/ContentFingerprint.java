package io.freelance.ledger.command.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A short digest of what a request asked for (a message's author, text and files; a group room's creator, topic
 * and members), kept in the aggregate's memory only and never stored in an event, so a room with many messages
 * holds 32 characters per message instead of its text. Each part is written with its length, so no two
 * different part lists share an encoding; 128 bits of SHA-256 make a collision practically impossible.
 */
final class ContentFingerprint {

    private static final int DIGEST_BYTES = 16;

    private ContentFingerprint() {
    }

    static String of(List<String> parts) {
        StringBuilder encoding = new StringBuilder();
        for (String part : parts) {
            String value = part == null ? "" : part;
            encoding.append(value.length()).append(':').append(value).append('|');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(encoding.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(hash, DIGEST_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
