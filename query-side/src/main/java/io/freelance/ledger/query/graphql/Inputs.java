package io.freelance.ledger.query.graphql;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.contract.MilestoneTerms;
import java.util.List;

/**
 * Cheap checks at the API edge, so malformed input is refused before a command is sent and
 * nothing is recorded. Text follows {@link TextInput}, the rules and limits the aggregates apply
 * too; business rules (amount minimums and maximums, who may do what) stay with the command side.
 * Rule names follow the command side's: the field's last segment and what broke
 * ({@code description.required}).
 */
public final class Inputs {

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;
    public static final int MAX_MILESTONES = MilestoneTerms.MAXIMUM_PER_CONTRACT;

    private Inputs() {
    }

    public static String id(String field, String value) {
        return TextInput.id(field, value, field);
    }

    public static String idempotencyKey(String field, String value) {
        return TextInput.required(field, value, MAX_IDEMPOTENCY_KEY_LENGTH, field);
    }

    public static String title(String field, String value) {
        return TextInput.required(field, value, TextInput.TITLE_MAX_LENGTH, field);
    }

    public static String description(String field, String value) {
        return TextInput.required(field, value, TextInput.DESCRIPTION_MAX_LENGTH, field);
    }

    /** Notes, messages and reasons. */
    public static String note(String field, String value) {
        return TextInput.required(field, value, TextInput.NOTE_MAX_LENGTH, field);
    }

    public static String optionalNote(String field, String value) {
        return TextInput.optional(field, value, TextInput.NOTE_MAX_LENGTH, field);
    }

    public static String requiredText(String field, String value, int maxLength) {
        return TextInput.required(field, value, maxLength, field);
    }

    public static Money money(String field, MoneyInput input) {
        return input == null ? null : Money.parse(field, input.amount(), input.currency());
    }

    public static String currency(String field, String currency) {
        return Money.knownCurrency(field, currency).getCurrencyCode();
    }

    public static <T> List<T> boundedList(String field, List<T> values, int max) {
        if (values == null || values.isEmpty()) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".required",
                    field + " needs at least one entry.");
        }
        if (values.size() > max) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".too-many",
                    "%s has %d entries; at most %d are allowed.".formatted(field, values.size(), max));
        }
        return values;
    }
}
