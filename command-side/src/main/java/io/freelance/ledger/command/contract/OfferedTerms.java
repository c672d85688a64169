package io.freelance.ledger.command.contract;

import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.HourlyContractOfferedEvent;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import io.freelance.ledger.contract.OfferHourlyContractCommand;
import java.util.List;

/**
 * Everything an offer states, as the offered event records it. The contract id derives from the client's
 * idempotency key, so an offer to an existing contract is a retry when these are equal, and a reused key
 * when they are not. An offer command is compared as the event would record it: its title without
 * surrounding blanks.
 */
record OfferedTerms(ContractType type, String clientId, String freelancerId, String title, String currency,
                    List<MilestoneTerms> milestones, HourlyTerms hourlyTerms) {

    static OfferedTerms of(FixedPriceContractOfferedEvent event) {
        return new OfferedTerms(ContractType.FIXED_PRICE, event.clientId(), event.freelancerId(), event.title(),
                event.currency(), event.milestones(), null);
    }

    static OfferedTerms of(HourlyContractOfferedEvent event) {
        return new OfferedTerms(ContractType.HOURLY, event.clientId(), event.freelancerId(), event.title(), null,
                null, event.terms());
    }

    static OfferedTerms of(OfferFixedPriceContractCommand command) {
        return new OfferedTerms(ContractType.FIXED_PRICE, command.clientId(), command.freelancerId(),
                stripped(command.title()), command.currency(), command.milestones(), null);
    }

    static OfferedTerms of(OfferHourlyContractCommand command) {
        return new OfferedTerms(ContractType.HOURLY, command.clientId(), command.freelancerId(),
                stripped(command.title()), null, null, command.terms());
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
