package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A digest of a command's arguments, so a retry under the same idempotency key can be told from a
 * different request without storing the arguments twice. Fingerprints are stored in events: the encoding
 * below must never change for version {@value #VERSION}; a new encoding needs a new version.
 * <p>
 * Each argument is written with its length, and null apart from every text, so no two different argument
 * lists share an encoding. Money is at its currency's scale, so 60 and 60.00 USD are the same argument.
 */
final class ArgumentsFingerprint {

    private static final String VERSION = "v1";

    private final StringBuilder encoding = new StringBuilder(VERSION);

    static ArgumentsFingerprint of() {
        return new ArgumentsFingerprint();
    }

    ArgumentsFingerprint text(String value) {
        if (value == null) {
            encoding.append("|-");
        } else {
            encoding.append('|').append(value.length()).append(':').append(value);
        }
        return this;
    }

    ArgumentsFingerprint money(Money value) {
        return text(value == null ? null : value.amount().toPlainString() + " " + value.currency());
    }

    ArgumentsFingerprint date(LocalDate value) {
        return text(value == null ? null : value.toString());
    }

    /** Lower-case hexadecimal SHA-256 of the encoding. */
    String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(encoding.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
