package io.freelance.ledger.command.infrastructure;

import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.connector.ErrorCategory;
import io.freelance.ledger.failure.CommandFailures;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Which {@link LedgerError} a failed command's exception stands for, if any. Axon's own failures
 * (an aggregate that does not exist, an aggregate id already taken, a concurrent change, no lock in
 * time) arrive as exceptions whose class does not cross Axon Server: the caller would see only a
 * message and report an internal error. Empty for a failure that is not a rejection.
 */
public final class CommandFailureTranslation {

    /** Axon Server's code for an event whose sequence number is not the aggregate's next one. */
    static final String INVALID_EVENT_SEQUENCE = "AXONIQ-2000";
    private static final Pattern REJECTED_SEQUENCE = Pattern.compile("Invalid sequence number (\\d+) ");
    private static final int MAX_CAUSE_DEPTH = 10;

    private CommandFailureTranslation() {
    }

    public static Optional<LedgerError> translate(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            Optional<LedgerError> error = translateOne(current);
            if (error.isPresent()) {
                return error;
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> translateOne(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return Optional.of(violation.error());
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(CommandFailures.aggregateNotFound(String.valueOf(notFound.getAggregateIdentifier())));
        }
        // The relational event store found the aggregate's first event already stored.
        if (failure instanceof AggregateStreamCreationException) {
            return Optional.of(CommandFailures.aggregateAlreadyExists());
        }
        if (failure instanceof ConcurrencyException) {
            return Optional.of(CommandFailures.concurrentChange());
        }
        if (failure instanceof LockAcquisitionFailedException) {
            return Optional.of(CommandFailures.serviceBusy());
        }
        if (isInvalidEventSequence(failure)) {
            return Optional.of(rejectedSequence(failure.getMessage()) == 0
                    ? CommandFailures.aggregateAlreadyExists() : CommandFailures.concurrentChange());
        }
        return Optional.empty();
    }

    /**
     * Axon Server refuses an append whose sequence number is taken ("[AXONIQ-2000] Invalid sequence
     * number 0 for aggregate c-1, expected 1"): the connector hands that on as a gRPC status or as its
     * own exception, never as Axon's {@link ConcurrencyException}.
     */
    private static boolean isInvalidEventSequence(Throwable failure) {
        if (failure instanceof AxonServerException axonServer && axonServer.getErrorCategory() == ErrorCategory.INVALID_EVENT_SEQUENCE) {
            return true;
        }
        return failure.getMessage() != null && failure.getMessage().contains(INVALID_EVENT_SEQUENCE);
    }

    /** The sequence number Axon Server refused; -1 if the message does not say. */
    private static long rejectedSequence(String message) {
        Matcher sequence = REJECTED_SEQUENCE.matcher(String.valueOf(message));
        return sequence.find() ? Long.parseLong(sequence.group(1)) : -1;
    }
}
