package io.freelance.ledger.dispute;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The client disputes cells of a weekly invoice, named by their {@code cellDateTime}, with a reason, while the
 * invoice is in review (until Friday 23:59:59 UTC). An invoice is disputed at most once; sending the same
 * dispute again changes nothing.
 */
public record DisputeInvoiceHoursCommand(
        @TargetAggregateIdentifier String invoiceId,
        List<Instant> cellDateTimes,
        String reason) {
}
