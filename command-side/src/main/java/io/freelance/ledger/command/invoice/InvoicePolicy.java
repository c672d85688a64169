package io.freelance.ledger.command.invoice;

import java.time.Duration;
import java.util.Objects;

/**
 * The configurable numbers of hourly billing that fixed-price protection does not already set. Fee rates and
 * the security period come from {@link io.freelance.ledger.command.escrow.EscrowPolicy}, the one place every
 * payment of the marketplace takes them from. Handlers receive it as a parameter (a Spring bean in the apps,
 * an injectable resource in tests).
 *
 * @param disputeResponseWindow how long the freelancer has to answer an hour dispute (Upwork: 3 days)
 */
public record InvoicePolicy(Duration disputeResponseWindow) {

    public InvoicePolicy {
        Objects.requireNonNull(disputeResponseWindow, "disputeResponseWindow");
        if (disputeResponseWindow.isNegative() || disputeResponseWindow.isZero()) {
            throw new IllegalArgumentException("disputeResponseWindow must be positive");
        }
    }

    public static InvoicePolicy defaults() {
        return new InvoicePolicy(Duration.ofDays(3));
    }
}
