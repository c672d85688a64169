package io.freelance.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A client offers a freelancer an hourly contract. */
public record OfferHourlyContractCommand(
        @TargetAggregateIdentifier String contractId,
        String clientId,
        String freelancerId,
        String title,
        HourlyTerms terms) {
}
