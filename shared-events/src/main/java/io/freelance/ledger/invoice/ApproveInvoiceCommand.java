package io.freelance.ledger.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The client pays a weekly invoice before its review window ends, instead of waiting for Friday night.
 * Approving an approved invoice changes nothing.
 */
public record ApproveInvoiceCommand(@TargetAggregateIdentifier String invoiceId) {
}
