package io.freelance.ledger.query.operations;

import java.time.Instant;

/**
 * One parked event as the finance team sees it: where it is parked, what it is, how often handling it
 * failed and why the last time. Never a stack trace: that stays in the service's log.
 *
 * @param sequenceIndex     where the letter stands in its sequence (grows; lower is retried first)
 * @param lastTriedAt       when handling it last failed; null while it waits behind an earlier letter
 * @param cause             why handling it failed; null for a letter parked only because an earlier event of
 *                          its sequence is parked
 */
public record DeadLetterView(
        String processingGroup,
        String sequenceIdentifier,
        long sequenceIndex,
        String eventId,
        String eventType,
        String aggregateId,
        Long aggregateSequence,
        Instant parkedAt,
        Instant lastTriedAt,
        int attempts,
        Cause cause) {

    /** @param type the exception's class name; @param message its message, at most 1,023 characters */
    public record Cause(String type, String message) {
    }
}
