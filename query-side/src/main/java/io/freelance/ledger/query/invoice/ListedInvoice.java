package io.freelance.ledger.query.invoice;

/** An invoice and its place in the list it was read from, which the next page starts after. */
record ListedInvoice(long position, InvoiceView invoice) {
}
