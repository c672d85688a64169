package io.freelance.ledger.command.invoice;

import io.freelance.ledger.common.Money;
import java.time.Instant;

/** Due when the invoice's payment has waited out the security period: it becomes available to the freelancer. */
public record InvoiceSecurityPeriodDeadline(String paymentEntryId, Money amount, Instant dueAt) {

    public static final String NAME = "invoice-security-period";
}
