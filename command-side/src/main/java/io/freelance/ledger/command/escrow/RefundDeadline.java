package io.freelance.ledger.command.escrow;

import java.time.Instant;

/** Due when the freelancer did not dispute the refund requested at contract end. */
public record RefundDeadline(Instant dueAt) {

    public static final String NAME = "escrow-refund";
}
