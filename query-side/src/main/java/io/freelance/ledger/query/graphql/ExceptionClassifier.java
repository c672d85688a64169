package io.freelance.ledger.query.graphql;

import io.freelance.ledger.failure.CommandFailures;
import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
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
 * Turns what a command or query threw into a {@link ClassifiedError}. Rejections arrive in several
 * shapes: a {@link RuleViolation} from a handler in this JVM, a {@link LedgerError} in the details
 * of a command failure that crossed Axon Server, or Axon's and Spring Security's own exceptions,
 * possibly wrapped. Empty means an unexpected failure.
 */
public final class ExceptionClassifier {

    /** Causes are followed this deep at most; real chains are two or three long. */
    private static final int MAX_CAUSE_DEPTH = 10;

    private ExceptionClassifier() {
    }

    public static Optional<ClassifiedError> classify(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            Optional<ClassifiedError> classified = classifyOne(current);
            if (classified.isPresent()) {
                return classified;
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    private static Optional<ClassifiedError> classifyOne(Throwable thrown) {
        if (thrown instanceof RuleViolation violation) {
            return Optional.of(ClassifiedError.of(violation.error()));
        }
        if (thrown instanceof HandlerExecutionException remote) {
            return remote.getDetails().flatMap(ExceptionClassifier::fromDetails);
        }
        // The command side sends these as details of the command's failure; thrown in this process, they are classified alike.
        if (thrown instanceof AggregateNotFoundException notFound) {
            return Optional.of(ClassifiedError.of(CommandFailures.aggregateNotFound(String.valueOf(notFound.getAggregateIdentifier()))));
        }
        if (thrown instanceof AggregateStreamCreationException) {
            return Optional.of(ClassifiedError.of(CommandFailures.aggregateAlreadyExists()));
        }
        if (thrown instanceof ConcurrencyException) {
            return Optional.of(ClassifiedError.of(CommandFailures.concurrentChange()));
        }
        if (thrown instanceof LockAcquisitionFailedException || thrown instanceof CannotGetJdbcConnectionException
                || thrown instanceof SQLTransientConnectionException) {
            // Nothing was recorded: the command never got its contract or a connection. A retry can succeed.
            return Optional.of(ClassifiedError.of(CommandFailures.serviceBusy()));
        }
        if (thrown instanceof AccessDeniedException) {
            return Optional.of(new ClassifiedError(ApiErrorType.FORBIDDEN, null, "access.denied",
                    "You are not allowed to do this."));
        }
        if (thrown instanceof AuthenticationException) {
            return Optional.of(new ClassifiedError(ApiErrorType.UNAUTHORIZED, null, "authentication.required",
                    "Sign in to use the API."));
        }
        if (thrown instanceof BindException binding) {
            return Optional.of(bindingFailure(binding));
        }
        return Optional.empty();
    }

    private static Optional<ClassifiedError> fromDetails(Object details) {
        if (details instanceof LedgerError error) {
            return Optional.of(ClassifiedError.of(error));
        }
        // A serializer without the record's type information hands the details over as a map.
        if (details instanceof Map<?, ?> map && map.get("category") != null && map.get("message") != null) {
            ErrorCategory category = ErrorCategory.valueOf(map.get("category").toString());
            return Optional.of(ClassifiedError.of(new LedgerError(category, text(map.get("field")),
                    text(map.get("rule")), map.get("message").toString())));
        }
        return Optional.empty();
    }

    private static ClassifiedError bindingFailure(BindException binding) {
        FieldError fieldError = binding.getFieldError();
        String field = fieldError == null ? null : fieldError.getField();
        return new ClassifiedError(ApiErrorType.BAD_REQUEST, field, "input.format",
                field == null ? "The input could not be read." : "The input field " + field + " could not be read.");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
