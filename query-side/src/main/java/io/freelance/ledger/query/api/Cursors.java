package io.freelance.ledger.query.api;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.contract.ContractPageQuery.ContractPosition;
import io.freelance.ledger.query.contract.ContractView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    public static String ofContract(ContractView contract) {
        long offeredAtMillis = contract.offeredAt() == null ? 0 : contract.offeredAt().toEpochMilli();
        return encode(CONTRACT_PREFIX + offeredAtMillis + ":" + contract.id());
    }

    public static ContractPosition contractPosition(String after) {
        if (after == null) {
            return null;
        }
        String[] parts = decode(after, CONTRACT_PREFIX).split(":", 2);
        if (parts.length != 2 || parts[1].isEmpty()) {
            throw invalid();
        }
        return new ContractPosition(Instant.ofEpochMilli(parseLong(parts[0])), parts[1]);
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
