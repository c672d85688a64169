package io.freelance.ledger.query.graphql;

import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.failure.CommandFailures;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * The refusal a failure stands for. Refusals arrive in several shapes: a {@link RuleViolation} from this
 * process, a {@link LedgerError} in the details of a command failure that crossed Axon Server, Axon's and
 * Spring Security's own exceptions, each possibly wrapped. Empty means a failure that refuses nothing: a
 * bug or an outage.
 */
public final class Rejections {

    /** Causes are followed this deep at most; real chains are two or three long. */
    private static final int MAX_CAUSE_DEPTH = 10;

    private Rejections() {
    }

    public static Optional<LedgerError> of(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            Optional<LedgerError> refusal = refusalOf(current);
            if (refusal.isPresent()) {
                return refusal;
            }
            current = current.getCause();
        }
        return Optional.empty();
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
        // The command side sends these as details of the command's failure; thrown in this process, they read alike.
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(CommandFailures.aggregateNotFound(String.valueOf(notFound.getAggregateIdentifier())));
        }
        if (failure instanceof AggregateStreamCreationException) {
            return Optional.of(CommandFailures.aggregateAlreadyExists());
        }
        if (failure instanceof ConcurrencyException) {
            return Optional.of(CommandFailures.concurrentChange());
        }
        if (failure instanceof LockAcquisitionFailedException || failure instanceof CannotGetJdbcConnectionException
                || failure instanceof SQLTransientConnectionException) {
            // Nothing was recorded: the command never got its contract or a connection. A retry can succeed.
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
