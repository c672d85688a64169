package io.freelance.ledger.common;

/** Thrown when a command or its input breaks a rule; nothing is recorded. */
public class RuleViolation extends RuntimeException {

    private final LedgerError error;

    public RuleViolation(LedgerError error) {
        super(error.message());
        this.error = error;
    }

    public LedgerError error() {
        return error;
    }

    public static RuleViolation badRequest(String field, String rule, String message) {
        return new RuleViolation(LedgerError.badRequest(field, rule, message));
    }

    public static RuleViolation conflict(String field, String rule, String message) {
        return new RuleViolation(LedgerError.conflict(field, rule, message));
    }

    public static RuleViolation forbidden(String field, String rule, String message) {
        return new RuleViolation(LedgerError.forbidden(field, rule, message));
    }

    public static RuleViolation notFound(String field, String rule, String message) {
        return new RuleViolation(LedgerError.notFound(field, rule, message));
    }
}
