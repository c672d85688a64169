package io.freelance.ledger.query.api;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.MilestoneTerms;
import java.util.List;

/**
 * Cheap checks at the API edge, so malformed input is refused before a command is sent and
 * nothing is recorded. Business rules (amount minimums, who may do what) and the exact length
 * limits stay with the command side; these are outer bounds on size and shape. Rule names follow
 * the command side's: the field's last segment and what broke ({@code description.required}).
 */
public final class Inputs {

    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 5_000;
    public static final int MAX_MILESTONES = MilestoneTerms.MAXIMUM_PER_CONTRACT;

    private Inputs() {
    }

    public static String id(String field, String value) {
        return requiredText(field, value, MAX_ID_LENGTH);
    }

    public static String idempotencyKey(String field, String value) {
        return requiredText(field, value, MAX_IDEMPOTENCY_KEY_LENGTH);
    }

    public static String title(String field, String value) {
        return requiredText(field, value, MAX_TITLE_LENGTH);
    }

    public static String requiredText(String field, String value) {
        return requiredText(field, value, MAX_TEXT_LENGTH);
    }

    public static String optionalText(String field, String value) {
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            throw tooLong(field, value, MAX_TEXT_LENGTH);
        }
        return value;
    }

    public static Money money(String field, MoneyInput input) {
        return input == null ? null : Money.parse(field, input.amount(), input.currency());
    }

    public static String currency(String field, String currency) {
        return Money.knownCurrency(field, currency).getCurrencyCode();
    }

    public static <T> List<T> boundedList(String field, List<T> values, int max) {
        if (values == null || values.isEmpty()) {
            throw RuleViolation.badRequest(field, ruleSubject(field) + ".required", field + " needs at least one entry.");
        }
        if (values.size() > max) {
            throw RuleViolation.badRequest(field, ruleSubject(field) + ".too-many", "%s has %d entries; at most %d are allowed."
                    .formatted(field, values.size(), max));
        }
        return values;
    }

    public static String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest(field, ruleSubject(field) + ".required", field + " is required.");
        }
        if (value.length() > maxLength) {
            throw tooLong(field, value, maxLength);
        }
        return value;
    }

    private static RuleViolation tooLong(String field, String value, int maxLength) {
        return RuleViolation.badRequest(field, ruleSubject(field) + ".too-long",
                "%s is %d characters long; at most %d are allowed.".formatted(field, value.length(), maxLength));
    }

    /** {@code milestones[2].description} → {@code description}. */
    private static String ruleSubject(String field) {
        return field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
    }
}
