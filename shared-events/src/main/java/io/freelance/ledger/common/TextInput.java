package io.freelance.ledger.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for text typed by a person, and the limits on it, in one place for both sides: the API
 * refuses bad text before it sends a command, and the aggregates refuse it again, with the same
 * numbers, for any other sender.
 * <p>
 * The rule name is the field's last segment ({@code milestones[2].description} breaks
 * {@code description.required}), so every text field reports its errors the same way.
 * <p>
 * Control characters other than new line and tab are refused: NUL truncates strings in C-based
 * tools and ANSI escape sequences rewrite terminals that show logs. Bidirectional overrides and
 * isolates are refused because they make a text read differently from what it contains (a title
 * that shows "invoice.pdf" while holding "fdp.exe").
 */
public final class TextInput {

    /** Contract titles: a line, not a document. */
    public static final int TITLE_MAX_LENGTH = 200;
    /** Milestone descriptions: what one milestone delivers. */
    public static final int DESCRIPTION_MAX_LENGTH = 500;
    /** Reasons, notes and messages: long enough for a paragraph, short enough to bound storage. */
    public static final int NOTE_MAX_LENGTH = 2_000;
    /** Ids and idempotency keys chosen by callers. */
    public static final int ID_MAX_LENGTH = 100;

    /**
     * User, contract and milestone ids: letters, digits and {@code . _ @ -}, starting with a letter or digit.
     * Ledger account names are built from ids ({@code freelancer:{id}:pending}), so an id must never hold
     * the separator {@code :} or anything else that would make a name parse two ways.
     */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    private static final int NEW_LINE = '\n';
    private static final int TAB = '\t';

    private TextInput() {
    }

    /** The text without surrounding blanks; refuses missing, blank, over-long or unsafe text. */
    public static String required(String field, String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest(field, ruleSubject(field) + ".required", what + " is required.");
        }
        return checked(field, value.strip(), maxLength, what);
    }

    /** An id: required, at most {@link #ID_MAX_LENGTH} characters, and only the characters of {@link #isSafeId}. */
    public static String id(String field, String value, String what) {
        String id = required(field, value, ID_MAX_LENGTH, what);
        if (!isSafeId(id)) {
            throw RuleViolation.badRequest(field, ruleSubject(field) + ".format", what
                    + " may hold only letters, digits and . _ @ - and must start with a letter or digit.");
        }
        return id;
    }

    /** True for an id that can stand inside a ledger account name: see {@link #SAFE_ID}. */
    public static boolean isSafeId(String id) {
        return id != null && id.length() <= ID_MAX_LENGTH && SAFE_ID.matcher(id).matches();
    }

    /** The text without surrounding blanks, or null when none was given; refuses over-long or unsafe text. */
    public static String optional(String field, String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checked(field, value.strip(), maxLength, what);
    }

    /** {@code milestones[2].description} → {@code description}: the subject of the field's rules. */
    public static String ruleSubject(String field) {
        String lastSegment = field.substring(field.lastIndexOf('.') + 1);
        return lastSegment.replaceAll("\\[\\d+]", "");
    }

    /** True for a character no free-text field accepts. */
    public static boolean isRefusedCharacter(int codePoint) {
        if (codePoint == NEW_LINE || codePoint == TAB) {
            return false;
        }
        return Character.getType(codePoint) == Character.CONTROL || isBidirectionalControl(codePoint);
    }

    // Checked on the stripped text, so the length counted is the length stored.
    private static String checked(String field, String value, int maxLength, String what) {
        if (value.length() > maxLength) {
            throw RuleViolation.badRequest(field, ruleSubject(field) + ".too-long",
                    "%s is %d characters long; at most %d are allowed.".formatted(what, value.length(), maxLength));
        }
        requireSafeCharacters(field, value, what);
        return value;
    }

    private static void requireSafeCharacters(String field, String value, String what) {
        for (int index = 0; index < value.length(); ) {
            int codePoint = value.codePointAt(index);
            if (isRefusedCharacter(codePoint)) {
                throw RuleViolation.badRequest(field, ruleSubject(field) + ".control-characters",
                        "%s contains %s at position %d; control characters other than new line and tab, and "
                                .formatted(what, describe(codePoint), value.codePointCount(0, index) + 1)
                                + "bidirectional overrides, are not allowed.");
            }
            if (Character.isSurrogate(value.charAt(index)) && Character.charCount(codePoint) == 1) {
                throw RuleViolation.badRequest(field, ruleSubject(field) + ".encoding",
                        "%s contains half of a character (an unpaired UTF-16 surrogate) at position %d."
                                .formatted(what, value.codePointCount(0, index) + 1));
            }
            index += Character.charCount(codePoint);
        }
    }

    /** U+200E/U+200F marks, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates. */
    private static boolean isBidirectionalControl(int codePoint) {
        return codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return name == null ? "U+%04X".formatted(codePoint) : "U+%04X (%s)".formatted(codePoint, name.toLowerCase(Locale.ROOT));
    }
}
