package io.freelance.ledger.query.graphql;

import io.freelance.ledger.common.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors: base64url of where a page ended. Callers must not build them; a cursor that
 * does not decode is a bad request on {@code after}.
 */
public final class Cursors {

    private static final String CONTRACT_PREFIX = "contract:";
    private static final String POSTING_PREFIX = "posting:";
    private static final int MAX_CURSOR_LENGTH = 300;

    private Cursors() {
    }

    /** Where a contract stands in its party's list. */
    public static String ofContract(long listPosition) {
        return encode(CONTRACT_PREFIX + listPosition);
    }

    public static Long contractPosition(String after) {
        return after == null ? null : parseLong(decode(after, CONTRACT_PREFIX));
    }

    public static String ofPosting(long position) {
        return encode(POSTING_PREFIX + position);
    }

    public static Long postingPosition(String after) {
        return after == null ? null : parseLong(decode(after, POSTING_PREFIX));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String prefix) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(prefix)) {
                throw invalid();
            }
            return text.substring(prefix.length());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static RuleViolation invalid() {
        return RuleViolation.badRequest("after", "cursor.invalid",
                "after must be a cursor this list returned (pageInfo.endCursor or an edge's cursor).");
    }
}
