package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.invoice.InvoicePolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.invoice.*}: the numbers of hourly billing (3 days for the freelancer to answer an hour dispute
 * by default). Fee rates and the security period are {@code ledger.escrow.*}'s, shared by every payment.
 * Checked when the policy is built, so a bad setting stops the service at start-up.
 */
@ConfigurationProperties("ledger.invoice")
public record InvoicePolicyProperties(Duration disputeResponseWindow) {

    public InvoicePolicy toPolicy() {
        InvoicePolicy defaults = InvoicePolicy.defaults();
        return new InvoicePolicy(disputeResponseWindow != null ? disputeResponseWindow : defaults.disputeResponseWindow());
    }
}
