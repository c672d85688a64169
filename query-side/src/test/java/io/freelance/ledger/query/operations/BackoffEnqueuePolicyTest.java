package io.freelance.ledger.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

class BackoffEnqueuePolicyTest {

    private final BackoffEnqueuePolicy policy = new BackoffEnqueuePolicy();
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

    @Test
    void aFirstFailureIsParkedWithOneAttemptAndItsCause() {
        IllegalStateException failure = new IllegalStateException("No milestone m-9 on contract c-1");
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("c-1", event, failure);

        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> {
            assertThat(((Cause) cause).type()).isEqualTo(IllegalStateException.class.getName());
            assertThat(((Cause) cause).message()).isEqualTo("No milestone m-9 on contract c-1");
        });
        assertThat(decision.withDiagnostics(letter).diagnostics()).containsEntry(RetryBackoff.ATTEMPTS, 1);
    }

    @Test
    void eachFailedRetryCountsOneMoreAttemptAndKeepsTheOtherDiagnostics() {
        RuntimeException failure = new RuntimeException("still failing");
        DeadLetter<? extends EventMessage<?>> retried = new GenericDeadLetter<EventMessage<?>>("c-1", event, failure)
                .withDiagnostics(MetaData.with(RetryBackoff.ATTEMPTS, 3).and("note", "kept"));

        DeadLetter<? extends EventMessage<?>> requeued = policy.decide(retried, failure).withDiagnostics(retried);

        assertThat(requeued.diagnostics()).containsEntry(RetryBackoff.ATTEMPTS, 4).containsEntry("note", "kept");
    }

    @Test
    void theCauseMessageIsCutToWhatTheDeadLetterTableHolds() {
        RuntimeException failure = new RuntimeException("x".repeat(5_000));

        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>("c-1", event, failure), failure);

        assertThat(decision.enqueueCause()).hasValueSatisfying(cause ->
                assertThat(((Cause) cause).message()).hasSizeLessThanOrEqualTo(1023));
    }
}
