package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import java.time.Instant;

/** Due when a payment into the freelancer's pending balance has waited out the security period. */
public record SecurityPeriodDeadline(String milestoneId, String paymentEntryId, Money amount, Instant dueAt) {

    public static final String NAME = "payment-security-period";
}
