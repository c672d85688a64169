package io.freelance.ledger.command.contract;

import io.freelance.ledger.common.RuleViolation;

/**
 * Rules for free text typed by a person. The rule name is the field's last segment
 * ({@code milestones[2].description} breaks {@code description.required}), so every text field
 * reports its errors the same way.
 */
public final class TextInput {

    /** Limit for reasons, notes and messages: long enough for a paragraph, short enough to bound storage. */
    public static final int NOTE_MAX_LENGTH = 2000;

    private TextInput() {
    }

    /** The text without surrounding blanks; rejects missing, blank or over-long text. */
    public static String required(String field, String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest(field, ruleSubject(field) + ".required", what + " is required.");
        }
        return withinLimit(field, value.strip(), maxLength, what);
    }

    /** The text without surrounding blanks, or null when none was given; rejects over-long text. */
    public static String optional(String field, String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return withinLimit(field, value.strip(), maxLength, what);
    }

    private static String withinLimit(String field, String value, int maxLength, String what) {
        if (value.length() > maxLength) {
            throw RuleViolation.badRequest(field, ruleSubject(field) + ".too-long",
                    "%s is %d characters long; at most %d are allowed.".formatted(what, value.length(), maxLength));
        }
        return value;
    }

    private static String ruleSubject(String field) {
        String lastSegment = field.substring(field.lastIndexOf('.') + 1);
        return lastSegment.replaceAll("\\[\\d+]", "");
    }
}
