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
import static io.freelance.ledger.command.testing.Violations.conflict;

import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract id derives from the client and their idempotency key, so an offer that reaches an existing
 * contract reuses a key: with the terms first offered it is a retry, answered with the contract's id and
 * nothing recorded, whatever became of the contract since; with other terms it is refused.
 */
class ContractOfferRetryTest {

    private AggregateTestFixture<Contract> fixture;
    private Instant earlier;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        earlier = fixture.currentTime().minus(Duration.ofHours(1));
    }

    @Test
    void retriedFixedPriceOfferRecordsNothing() {
        fixture.given(fixedPriceOffered(earlier))
                .when(fixedPriceOffer(), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(CONTRACT_ID);
    }

    @Test
    void retriedHourlyOfferRecordsNothing() {
        fixture.given(hourlyOffered(earlier))
                .when(hourlyOffer(HOURLY_TERMS), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(CONTRACT_ID);
    }

    @Test
    void offerRetriedAfterTheFreelancerAcceptedRecordsNothing() {
        fixture.given(fixedPriceOffered(earlier), new ContractAcceptedEvent(CONTRACT_ID, ContractType.FIXED_PRICE,
                        CLIENT.userId(), FREELANCER.userId(), earlier))
                .when(fixedPriceOffer(), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(CONTRACT_ID);
    }

    /** The offered event records the title without surrounding blanks; a retry is compared the same way. */
    @Test
    void retryIsComparedAsTheOfferWasRecorded() {
        var retried = new OfferFixedPriceContractCommand(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(),
                "  " + TITLE + " ", "USD", List.of(DESIGN, BUILD));
        fixture.given(fixedPriceOffered(earlier))
                .when(retried, as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(CONTRACT_ID);
    }

    static Stream<Arguments> otherFixedPriceOffersUnderTheSameKey() {
        String client = CLIENT.userId();
        String freelancer = FREELANCER.userId();
        return Stream.of(
                Arguments.of("another title", new OfferFixedPriceContractCommand(CONTRACT_ID, client, freelancer,
                        "Build the shop", "USD", List.of(DESIGN, BUILD))),
                Arguments.of("another freelancer", new OfferFixedPriceContractCommand(CONTRACT_ID, client, "freelancer-2",
                        TITLE, "USD", List.of(DESIGN, BUILD))),
                Arguments.of("another currency", new OfferFixedPriceContractCommand(CONTRACT_ID, client, freelancer,
                        TITLE, "EUR", List.of(DESIGN, BUILD))),
                Arguments.of("a milestone less", fixedPriceOffer(List.of(DESIGN))),
                Arguments.of("milestones in another order", fixedPriceOffer(List.of(BUILD, DESIGN))),
                Arguments.of("another deposit", fixedPriceOffer(List.of(DESIGN, milestone("m2", "Build and deploy", "250.01")))),
                Arguments.of("another description", fixedPriceOffer(List.of(DESIGN, milestone("m2", "Build", "250.00")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherFixedPriceOffersUnderTheSameKey")
    void offerKeyReusedWithOtherTermsIsRefused(String difference, OfferFixedPriceContractCommand other) {
        fixture.given(fixedPriceOffered(earlier))
                .when(other, as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    @Test
    void hourlyOfferKeyReusedWithAnotherRateIsRefused() {
        fixture.given(hourlyOffered(earlier))
                .when(hourlyOffer(new HourlyTerms(Money.of("45.00", "USD"), 20, true)), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    @Test
    void hourlyOfferKeyReusedWithoutTheWeeklyLimitIsRefused() {
        fixture.given(hourlyOffered(earlier))
                .when(hourlyOffer(new HourlyTerms(Money.of("40.00", "USD"), null, true)), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    @Test
    void fixedPriceOfferKeyReusedForAnHourlyOfferIsRefused() {
        fixture.given(fixedPriceOffered(earlier))
                .when(hourlyOffer(HOURLY_TERMS), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    /** Contract ids derive from the client, so another client's offer under this id is a clash of ids, not a retry. */
    @Test
    void anotherClientsOfferUnderAnExistingContractIdIsRefused() {
        var othersOffer = new OfferFixedPriceContractCommand(CONTRACT_ID, OTHER_CLIENT.userId(), FREELANCER.userId(),
                TITLE, "USD", List.of(DESIGN, BUILD));
        fixture.given(fixedPriceOffered(earlier))
                .when(othersOffer, as(OTHER_CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "contract.unique"));
    }
}
