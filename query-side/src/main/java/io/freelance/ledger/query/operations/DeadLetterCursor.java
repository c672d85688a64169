package io.freelance.ledger.query.operations;

import io.freelance.ledger.common.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors of the dead-letter list, like the API's others: base64url of where a page ended
 * (processing group, sequence, place in the sequence). A cursor that does not decode is a bad request
 * on {@code after}.
 */
final class DeadLetterCursor {

    private static final String PREFIX = "dead-letter:";
    private static final int MAX_CURSOR_LENGTH = 1_000;

    /** Where a letter stands in the list. */
    record Position(String processingGroup, String sequenceIdentifier, long sequenceIndex) {
    }

    private DeadLetterCursor() {
    }

    static String of(DeadLetterView letter) {
        // index:groupLength:group + sequence, so neither name needs a separator it cannot contain.
        String text = PREFIX + letter.sequenceIndex() + ":" + letter.processingGroup().length() + ":"
                + letter.processingGroup() + letter.sequenceIdentifier();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Position position(String after) {
        if (after == null) {
            return null;
        }
        if (after.length() > MAX_CURSOR_LENGTH) {
            throw invalid();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw invalid();
            }
            String rest = text.substring(PREFIX.length());
            int indexEnd = rest.indexOf(':');
            int lengthEnd = rest.indexOf(':', indexEnd + 1);
            if (indexEnd < 0 || lengthEnd < 0) {
                throw invalid();
            }
            long index = Long.parseLong(rest.substring(0, indexEnd));
            int groupLength = Integer.parseInt(rest.substring(indexEnd + 1, lengthEnd));
            String names = rest.substring(lengthEnd + 1);
            if (groupLength < 1 || groupLength >= names.length()) {
                throw invalid();
            }
            return new Position(names.substring(0, groupLength), names.substring(groupLength), index);
        } catch (IllegalArgumentException e) {
            // Bad base64 and numbers that do not parse (NumberFormatException is one).
            throw invalid();
        }
    }

    private static RuleViolation invalid() {
        return RuleViolation.badRequest("after", "cursor.invalid",
                "after must be a cursor this list returned (pageInfo.endCursor or an edge's cursor).");
    }
}
