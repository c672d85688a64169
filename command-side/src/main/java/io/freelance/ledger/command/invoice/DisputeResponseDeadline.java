package io.freelance.ledger.command.invoice;

import java.time.Instant;

/** Due when the freelancer's time to answer an hour dispute is over: without an answer, the rules decide. */
public record DisputeResponseDeadline(String disputeId, Instant dueAt) {

    public static final String NAME = "hour-dispute-response";
}
