package io.freelance.ledger.command.dispute;

import java.time.Instant;

/** Due when the other party's time to respond to a dispute is over: without an answer, the opener wins. */
public record ResponseDeadline(Instant dueAt) {

    public static final String NAME = "dispute-response";
}
