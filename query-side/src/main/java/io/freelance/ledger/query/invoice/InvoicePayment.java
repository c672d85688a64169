package io.freelance.ledger.query.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import java.time.Instant;

/**
 * The payment of an invoice to its freelancer: what left escrow, the service fee, what entered the pending
 * balance, and when it becomes available (after the security period).
 *
 * @param availableAt      when the security period ends
 * @param fundsAvailableAt when the payment moved to the available balance; null until then
 */
public record InvoicePayment(
        InvoicePaymentReason reason,
        Money amount,
        Money serviceFee,
        Money paidToFreelancer,
        Instant paidAt,
        Instant availableAt,
        Instant fundsAvailableAt) {

    static InvoicePayment paid(InvoicePaidEvent event) {
        return new InvoicePayment(event.reason(), event.amount(), event.serviceFee(), event.paidToFreelancer(),
                event.paidAt(), event.availableAt(), null);
    }

    InvoicePayment madeAvailable(Instant at) {
        return new InvoicePayment(reason, amount, serviceFee, paidToFreelancer, paidAt, availableAt, at);
    }
}
