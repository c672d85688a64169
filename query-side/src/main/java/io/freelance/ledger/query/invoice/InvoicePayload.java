package io.freelance.ledger.query.invoice;

/**
 * What every invoice mutation returns: the invoice as it is after the change. {@code pending} is true when the
 * change was recorded but the read model did not show it within the wait; {@code invoice} is then the invoice
 * as last seen, never passed off as the result.
 */
public record InvoicePayload(String invoiceId, InvoiceView invoice, boolean pending) {
}
