package io.freelance.ledger.command.contract;

import static io.freelance.ledger.command.contract.ContractOffers.BUILD;
import static io.freelance.ledger.command.contract.ContractOffers.CONTRACT_ID;
import static io.freelance.ledger.command.contract.ContractOffers.DESIGN;
import static io.freelance.ledger.command.contract.ContractOffers.HOURLY_TERMS;
import static io.freelance.ledger.command.contract.ContractOffers.TITLE;
import static io.freelance.ledger.command.contract.ContractOffers.fixedPriceOffer;
import static io.freelance.ledger.command.contract.ContractOffers.fixedPriceOffered;
import static io.freelance.ledger.command.contract.ContractOffers.hourlyOffer;
import static io.freelance.ledger.command.contract.ContractOffers.hourlyOffered;
import static io.freelance.ledger.command.contract.ContractOffers.milestone;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client offers a contract; an invalid offer records nothing and says which field broke which rule. */
class ContractOfferTest {

    private AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());
    }

    @Test
    void clientOffersFixedPriceContract() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(), as(CLIENT))
                .expectEvents(fixedPriceOffered(fixture.currentTime()))
                .expectResultMessagePayload(CONTRACT_ID);
    }

    @Test
    void clientOffersHourlyContract() {
        fixture.givenNoPriorActivity()
                .when(hourlyOffer(HOURLY_TERMS), as(CLIENT))
                .expectEvents(hourlyOffered(fixture.currentTime()))
                .expectResultMessagePayload(CONTRACT_ID);
    }

    @Test
    void freelancerCannotMakeAnOffer() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(), as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("clientId", "offer.client-only"));
    }

    @Test
    void clientCannotOfferInAnotherClientsName() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(), as(OTHER_CLIENT))
                .expectException(forbidden("clientId", "offer.client-only"));
    }

    @Test
    void offerWithoutActingUserIsRefused() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(), Map.of())
                .expectException(forbidden("actorId", "actor.required"));
    }

    @Test
    void freelancerIsRequired() {
        var offer = new OfferFixedPriceContractCommand(CONTRACT_ID, CLIENT.userId(), " ", TITLE, "USD", List.of(DESIGN));
        fixture.givenNoPriorActivity()
                .when(offer, as(CLIENT))
                .expectException(badRequest("freelancerId", "freelancerId.required"));
    }

    @Test
    void clientCannotHireThemselves() {
        var offer = new OfferFixedPriceContractCommand(CONTRACT_ID, CLIENT.userId(), CLIENT.userId(), TITLE, "USD",
                List.of(DESIGN));
        fixture.givenNoPriorActivity()
                .when(offer, as(CLIENT))
                .expectException(badRequest("freelancerId", "freelancerId.same-as-client"));
    }

    @Test
    void titleIsRequired() {
        fixture.givenNoPriorActivity()
                .when(withTitle(""), as(CLIENT))
                .expectException(badRequest("title", "title.required"));
    }

    @Test
    void titleHasAtMost200Characters() {
        fixture.givenNoPriorActivity()
                .when(withTitle("t".repeat(201)), as(CLIENT))
                .expectException(badRequest("title", "title.too-long"));
    }

    @Test
    void titleOf200CharactersIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(withTitle("t".repeat(200)), as(CLIENT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void currencyMustBeKnown() {
        var offer = new OfferFixedPriceContractCommand(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), TITLE, "ABC",
                List.of(DESIGN));
        fixture.givenNoPriorActivity()
                .when(offer, as(CLIENT))
                .expectException(badRequest("currency", "currency.unknown"));
    }

    @Test
    void fixedPriceContractNeedsAMilestone() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of()), as(CLIENT))
                .expectException(badRequest("milestones", "milestones.required"));
    }

    @Test
    void fixedPriceContractHasAtMost100Milestones() {
        List<MilestoneTerms> milestones = new ArrayList<>();
        for (int index = 0; index < 101; index++) {
            milestones.add(milestone("m" + index, "Part " + index, "10.00"));
        }
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(milestones), as(CLIENT))
                .expectException(badRequest("milestones", "milestones.too-many"));
    }

    @Test
    void milestoneDescriptionIsRequired() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(DESIGN, milestone("m2", " ", "100.00"))), as(CLIENT))
                .expectException(badRequest("milestones[1].description", "description.required"));
    }

    @Test
    void milestoneDescriptionHasAtMost500Characters() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(milestone("m1", "d".repeat(501), "100.00"))), as(CLIENT))
                .expectException(badRequest("milestones[0].description", "description.too-long"));
    }

    @Test
    void depositMustBeInTheContractCurrency() {
        var inEuro = new MilestoneTerms("m2", "Build", Money.of("100.00", "EUR"), LocalDate.of(2030, 1, 31));
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(DESIGN, inEuro)), as(CLIENT))
                .expectException(badRequest("milestones[1].depositAmount.currency", "currency.mismatch"));
    }

    @Test
    void depositOfZeroIsRefused() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(milestone("m1", "Design", "0.00"))), as(CLIENT))
                .expectException(badRequest("milestones[0].depositAmount.amount", "amount.positive"));
    }

    @Test
    void negativeDepositIsRefused() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(milestone("m1", "Design", "-100.00"))), as(CLIENT))
                .expectException(badRequest("milestones[0].depositAmount.amount", "amount.positive"));
    }

    @Test
    void depositBelowFiveIsRefused() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(DESIGN, milestone("m2", "Tiny", "4.99"))), as(CLIENT))
                .expectException(badRequest("milestones[1].depositAmount.amount", "amount.minimum"));
    }

    @Test
    void depositOfExactlyFiveIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(milestone("m1", "Tiny", "5.00"))), as(CLIENT))
                .expectSuccessfulHandlerExecution();
    }

    /**
     * {@link Money} keeps every amount at its currency's scale, so an over-precise deposit cannot even be
     * built into a command; the API turns input into money with {@link Money#parse}, which refuses it.
     */
    @Test
    void overPreciseDepositNeverReachesTheContract() {
        assertThatThrownBy(() -> Money.parse("milestones[0].depositAmount", new BigDecimal("5.001"), "USD"))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> org.hamcrest.MatcherAssert.assertThat(
                        violation, badRequest("milestones[0].depositAmount.amount", "amount.precision")));
        assertThatThrownBy(() -> Money.of("5.001", "USD")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void milestoneNeedsADueDate() {
        var undated = new MilestoneTerms("m1", "Design", Money.of("100.00", "USD"), null);
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(undated)), as(CLIENT))
                .expectException(badRequest("milestones[0].dueDate", "dueDate.required"));
    }

    @Test
    void milestoneNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(milestone(null, "Design", "100.00"))), as(CLIENT))
                .expectException(badRequest("milestones[0].milestoneId", "milestoneId.required"));
    }

    @Test
    void milestoneIdsAreUnique() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(DESIGN, milestone("m1", "Again", "50.00"))), as(CLIENT))
                .expectException(badRequest("milestones[1].milestoneId", "milestoneId.duplicate"));
    }

    @Test
    void emptyMilestoneIsRefused() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(Collections.singletonList(null)), as(CLIENT))
                .expectException(badRequest("milestones[0]", "milestone.required"));
    }

    @Test
    void hourlyRateMustBePositive() {
        fixture.givenNoPriorActivity()
                .when(hourlyOffer(new HourlyTerms(Money.of("0.00", "USD"), 20, true)), as(CLIENT))
                .expectException(badRequest("hourlyRate.amount", "amount.positive"));
    }

    @Test
    void hourlyRateIsRequired() {
        fixture.givenNoPriorActivity()
                .when(hourlyOffer(new HourlyTerms(null, 20, true)), as(CLIENT))
                .expectException(badRequest("hourlyRate", "amount.required"));
    }

    @Test
    void weeklyLimitOfZeroHoursIsRefused() {
        fixture.givenNoPriorActivity()
                .when(hourlyOffer(new HourlyTerms(Money.of("40.00", "USD"), 0, true)), as(CLIENT))
                .expectException(badRequest("weeklyLimitHours", "weeklyLimitHours.range"));
    }

    @Test
    void weeklyLimitAboveTheHoursOfAWeekIsRefused() {
        fixture.givenNoPriorActivity()
                .when(hourlyOffer(new HourlyTerms(Money.of("40.00", "USD"), 169, true)), as(CLIENT))
                .expectException(badRequest("weeklyLimitHours", "weeklyLimitHours.range"));
    }

    @Test
    void weeklyLimitOfAWholeWeekIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(hourlyOffer(new HourlyTerms(Money.of("40.00", "USD"), 168, false)), as(CLIENT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noWeeklyLimitIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(hourlyOffer(new HourlyTerms(Money.of("40.00", "USD"), null, false)), as(CLIENT))
                .expectSuccessfulHandlerExecution();
    }

    // Upper bounds on amounts (default 1,000,000.00, ledger.escrow.maximum-milestone-amount).

    @Test
    void depositAboveTheMaximumIsRefused() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(DESIGN, milestone("m2", "Huge", "1000000.01"))), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("milestones[1].depositAmount.amount", "amount.maximum"));
    }

    @Test
    void twentyDigitDepositIsRefused() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(milestone("m1", "Probe", "12345678901234567890"))), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("milestones[0].depositAmount.amount", "amount.maximum"));
    }

    @Test
    void depositOfExactlyTheMaximumIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(milestone("m1", "Big", "1000000.00"))), as(CLIENT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theMaximumIsTheConfiguredOne() {
        EscrowPolicy defaults = EscrowPolicy.defaults();
        EscrowPolicy lowerMaximum = new EscrowPolicy(defaults.autoReleaseAfter(), defaults.refundDisputeWindow(),
                defaults.securityPeriod(), defaults.feeRates(), defaults.minimumMilestoneAmount(), new BigDecimal("500.00"));
        AggregateTestFixture<Contract> configured = new AggregateTestFixture<>(Contract.class);
        configured.registerInjectableResource(lowerMaximum);

        configured.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(milestone("m1", "Design", "500.01"))), as(CLIENT))
                .expectException(badRequest("milestones[0].depositAmount.amount", "amount.maximum"));
    }

    @Test
    void hourlyRateAboveTheMaximumIsRefused() {
        fixture.givenNoPriorActivity()
                .when(hourlyOffer(new HourlyTerms(Money.of("1000000.01", "USD"), 20, true)), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("hourlyRate.amount", "amount.maximum"));
    }

    @Test
    void aMaximumBelowTheMinimumIsAMisconfiguration() {
        EscrowPolicy defaults = EscrowPolicy.defaults();
        assertThatThrownBy(() -> new EscrowPolicy(defaults.autoReleaseAfter(), defaults.refundDisputeWindow(),
                defaults.securityPeriod(), defaults.feeRates(), new BigDecimal("5.00"), new BigDecimal("4.99")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Text: no control characters but new line and tab, no bidirectional overrides.

    @Test
    void titleWithANulCharacterIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withTitle("Landing\u0000page"), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("title", "title.control-characters"));
    }

    @Test
    void titleWithAnAnsiEscapeSequenceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withTitle("\u001b[31mURGENT\u001b[0m"), as(CLIENT))
                .expectException(badRequest("title", "title.control-characters"));
    }

    @Test
    void titleWithARightToLeftOverrideIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withTitle("invoice\u202Efdp.exe"), as(CLIENT))
                .expectException(badRequest("title", "title.control-characters"));
    }

    @Test
    void milestoneDescriptionWithABidirectionalIsolateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(fixedPriceOffer(List.of(DESIGN, milestone("m2", "Build \u2066hidden\u2069", "100.00"))), as(CLIENT))
                .expectException(badRequest("milestones[1].description", "description.control-characters"));
    }

    @Test
    void newLinesTabsAndNonLatinScriptsAreAccepted() {
        var offer = new OfferFixedPriceContractCommand(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(),
                "Site web \u2014 \u0645\u0648\u0642\u0639 \uD83D\uDE80", "USD",
                List.of(milestone("m1", "Design:\n\t- mock-ups\n\t- logo", "100.00")));
        fixture.givenNoPriorActivity()
                .when(offer, as(CLIENT))
                .expectSuccessfulHandlerExecution();
    }

    private static OfferFixedPriceContractCommand withTitle(String title) {
        return new OfferFixedPriceContractCommand(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), title, "USD",
                List.of(DESIGN, BUILD));
    }
}
