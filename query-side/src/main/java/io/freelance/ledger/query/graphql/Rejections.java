package io.freelance.ledger.query.graphql;

import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.failure.CommandFailures;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.messaging.HandlerExecutionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * The refusal a failure stands for: a {@link RuleViolation} of this process, the {@link LedgerError} in the
 * details of a failed command, Spring Security's and Spring's binding exceptions, each possibly wrapped.
 * Axon's own refusals of a command (no such aggregate, an id already taken, a concurrent change, no lock)
 * are not read here: the command side's bus turns them into a failed command's details, in one process as
 * across Axon Server, so that what they mean is decided in one place. Empty means a failure that refuses
 * nothing: a bug or an outage.
 */
public final class Rejections {

    /** Causes are followed this deep at most; real chains are two or three long. */
    private static final int MAX_CAUSE_DEPTH = 10;

    private Rejections() {
    }

    public static Optional<LedgerError> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
                .limit(MAX_CAUSE_DEPTH)
                .map(Rejections::refusalOf)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Whether the failure is the refusal with this rule. */
    public static boolean isRule(Throwable failure, String rule) {
        return of(failure).map(refusal -> rule.equals(refusal.rule())).orElse(false);
    }

    private static Optional<LedgerError> refusalOf(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return Optional.of(violation.error());
        }
        if (failure instanceof HandlerExecutionException remote) {
            return remote.getDetails().flatMap(Rejections::fromDetails);
        }
        if (failure instanceof CannotGetJdbcConnectionException || failure instanceof SQLTransientConnectionException) {
            // Nothing was recorded: the command found no free database connection in time. A retry can succeed.
            return Optional.of(CommandFailures.serviceBusy());
        }
        if (failure instanceof AccessDeniedException) {
            return Optional.of(LedgerError.forbidden(null, "access.denied", "You are not allowed to do this."));
        }
        if (failure instanceof AuthenticationException) {
            return Optional.of(new LedgerError(ErrorCategory.UNAUTHORIZED, null, "authentication.required", "Sign in to use the API."));
        }
        if (failure instanceof BindException binding) {
            return Optional.of(unreadable(binding.getFieldError()));
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> fromDetails(Object details) {
        if (details instanceof LedgerError error) {
            return Optional.of(error);
        }
        // A serializer without the record's type information hands the details over as a map.
        if (details instanceof Map<?, ?> map && map.get("category") != null && map.get("message") != null) {
            ErrorCategory category = ErrorCategory.valueOf(map.get("category").toString());
            return Optional.of(new LedgerError(category, text(map.get("field")), text(map.get("rule")), map.get("message").toString()));
        }
        return Optional.empty();
    }

    private static LedgerError unreadable(FieldError fieldError) {
        String field = fieldError == null ? null : fieldError.getField();
        return LedgerError.badRequest(field, "input.format",
                field == null ? "The input could not be read." : "The input field " + field + " could not be read.");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
