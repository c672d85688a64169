package io.freelance.ledger.command.invoice;

import java.time.Instant;

/** Due when the client's review of the invoice ends (Friday 23:59:59 UTC): an undisputed, unpaid invoice is paid. */
public record ReviewEndDeadline(Instant dueAt) {

    public static final String NAME = "invoice-review-end";
}
