package io.freelance.ledger.command.testing;

import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a rejection by its classification, the field it names and the rule it breaks. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<RuleViolation> badRequest(String field, String rule) {
        return violation(ErrorCategory.BAD_REQUEST, field, rule);
    }

    public static Matcher<RuleViolation> conflict(String field, String rule) {
        return violation(ErrorCategory.CONFLICT, field, rule);
    }

    public static Matcher<RuleViolation> forbidden(String field, String rule) {
        return violation(ErrorCategory.FORBIDDEN, field, rule);
    }

    public static Matcher<RuleViolation> notFound(String field, String rule) {
        return violation(ErrorCategory.NOT_FOUND, field, rule);
    }

    public static Matcher<RuleViolation> violation(ErrorCategory category, String field, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                LedgerError error = violation.error();
                return error.category() == category && field.equals(error.field()) && rule.equals(error.rule())
                        && error.message() != null && !error.message().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("%s on %s breaking %s".formatted(category, field, rule));
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("was " + violation.error());
            }
        };
    }
}
