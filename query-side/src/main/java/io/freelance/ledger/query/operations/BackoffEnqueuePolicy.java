package io.freelance.ledger.query.operations;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * What happens to an event a projection fails to apply: it is always parked (a ledger drops no event),
 * with the cause's type and a message cut to what the dead-letter table holds, and one more failed
 * attempt in its diagnostics. The same decision is taken when the processor first fails the event and
 * each time a retry of it fails; {@link RetryBackoff} reads the count to space the retries out.
 */
public final class BackoffEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        Throwable recorded = cause == null ? null : ThrowableCause.truncated(cause);
        return Decisions.enqueue(recorded, failed -> failed.diagnostics()
                .and(RetryBackoff.ATTEMPTS, RetryBackoff.attemptsIn(failed.diagnostics()) + 1));
    }
}
