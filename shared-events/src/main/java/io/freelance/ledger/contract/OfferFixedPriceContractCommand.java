package io.freelance.ledger.contract;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A client offers a freelancer a fixed-price contract paid by ordered milestones. */
public record OfferFixedPriceContractCommand(
        @TargetAggregateIdentifier String contractId,
        String clientId,
        String freelancerId,
        String title,
        String currency,
        List<MilestoneTerms> milestones) {
}
