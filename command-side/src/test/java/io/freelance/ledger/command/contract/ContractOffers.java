package io.freelance.ledger.command.contract;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.HourlyContractOfferedEvent;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import io.freelance.ledger.contract.OfferHourlyContractCommand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Offers and their events as the contract tests use them. */
final class ContractOffers {

    static final String CONTRACT_ID = "contract-1";
    static final String TITLE = "Build the landing page";
    static final MilestoneTerms DESIGN = milestone("m1", "Design mock-ups", "100.00");
    static final MilestoneTerms BUILD = milestone("m2", "Build and deploy", "250.00");
    static final HourlyTerms HOURLY_TERMS = new HourlyTerms(Money.of("40.00", "USD"), 20, true);
    static final HourlyTerms TRACKED_HOURLY_TERMS = new HourlyTerms(Money.of("40.00", "USD"), 20, false, true);

    private ContractOffers() {
    }

    static MilestoneTerms milestone(String id, String description, String amountUsd) {
        return new MilestoneTerms(id, description, Money.of(amountUsd, "USD"), LocalDate.of(2030, 1, 31));
    }

    static OfferFixedPriceContractCommand fixedPriceOffer(List<MilestoneTerms> milestones) {
        return new OfferFixedPriceContractCommand(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), TITLE, "USD",
                milestones);
    }

    static OfferFixedPriceContractCommand fixedPriceOffer() {
        return fixedPriceOffer(List.of(DESIGN, BUILD));
    }

    static OfferHourlyContractCommand hourlyOffer(HourlyTerms terms) {
        return new OfferHourlyContractCommand(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), TITLE, terms);
    }

    static FixedPriceContractOfferedEvent fixedPriceOffered(Instant at) {
        return new FixedPriceContractOfferedEvent(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), TITLE, "USD",
                List.of(DESIGN, BUILD), at);
    }

    static HourlyContractOfferedEvent hourlyOffered(Instant at) {
        return hourlyOffered(at, HOURLY_TERMS);
    }

    static HourlyContractOfferedEvent hourlyOffered(Instant at, HourlyTerms terms) {
        return new HourlyContractOfferedEvent(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), TITLE, terms, at);
    }
}
