package io.freelance.ledger.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The freelancer answers the dispute over an invoice's hours within the response window: accepts the refund,
 * or contests it with a note (then a dispute handler decides). The same answer again changes nothing.
 */
public record RespondToHourDisputeCommand(
        @TargetAggregateIdentifier String invoiceId,
        HourDisputeResponse response,
        String note) {
}
