package io.freelance.ledger.query.readstore;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A read-model document as its projection sees it: the state and the aggregate version it was written at.
 * Projections that rebuild a whole state per event share one rule for the next state.
 */
public record Versioned<T>(long version, T value) {

    /**
     * The state after the event at {@code sequenceNumber}, or empty when the stored state is already at or
     * past it (a redelivery after a crash or a retry: applying it again would count it twice). No stored
     * state means the aggregate's first event was never applied, which is a broken stream, not a repeat.
     */
    public static <T> Optional<T> next(Optional<Versioned<T>> stored, long sequenceNumber, UnaryOperator<T> transition,
                                       Supplier<? extends RuntimeException> missingFirstEvent) {
        if (stored.isPresent() && stored.get().version() >= sequenceNumber) {
            return Optional.empty();
        }
        T current = stored.map(Versioned::value).orElseThrow(missingFirstEvent);
        return Optional.of(transition.apply(current));
    }
}
