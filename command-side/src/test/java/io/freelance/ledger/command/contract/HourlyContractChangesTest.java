package io.freelance.ledger.command.contract;

import static io.freelance.ledger.command.contract.ContractOffers.CONTRACT_ID;
import static io.freelance.ledger.command.contract.ContractOffers.HOURLY_TERMS;
import static io.freelance.ledger.command.contract.ContractOffers.TRACKED_HOURLY_TERMS;
import static io.freelance.ledger.command.contract.ContractOffers.fixedPriceOffered;
import static io.freelance.ledger.command.contract.ContractOffers.hourlyOffer;
import static io.freelance.ledger.command.contract.ContractOffers.hourlyOffered;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.SYSTEM;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.command.escrow.EscrowCloser;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ChangeWeeklyLimitCommand;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractPausedEvent;
import io.freelance.ledger.contract.ContractResumedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.EndContractCommand;
import io.freelance.ledger.contract.PauseContractCommand;
import io.freelance.ledger.contract.ResumeContractCommand;
import io.freelance.ledger.contract.WeeklyLimitChangedEvent;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What hourly contracts add: the tracker opt-in, weekly limit changes, pause and resume. */
class HourlyContractChangesTest {

    private static final Instant OFFERED_AT = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant ACCEPTED_AT = Instant.parse("2026-11-16T10:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T15:00:00Z");
    private static final Instant NEXT_MONDAY = Instant.parse("2026-11-30T00:00:00Z");
    private static final Actor DISPUTE_HANDLER = new Actor("handler-1", Role.DISPUTE_HANDLER);
    private static final Actor FINANCE = new Actor("finance-1", Role.FINANCE);
    private static final String REASON = "Hour dispute on week 2026-W47";

    private AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        fixture.registerInjectableResource((EscrowCloser) (contractId, endedBy) -> {
            throw new AssertionError("An hourly contract has no escrow account to close");
        });
    }

    // The tracker opt-in: offered by the client, agreed by the freelancer's acceptance.

    @Test
    void theClientOffersTheTrackerAsPartOfTheTerms() {
        fixture.givenCurrentTime(WEDNESDAY)
                .when(hourlyOffer(TRACKED_HOURLY_TERMS), as(CLIENT))
                .expectEvents(hourlyOffered(WEDNESDAY, TRACKED_HOURLY_TERMS));
    }

    @Test
    void anOfferRetriedWithoutTheTrackerIsADifferentOffer() {
        fixture.given(hourlyOffered(OFFERED_AT, TRACKED_HOURLY_TERMS))
                .when(hourlyOffer(HOURLY_TERMS), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    // Weekly limit changes.

    @Test
    void anIncreaseAppliesAtOnce() {
        activeAt(WEDNESDAY)
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 30), as(CLIENT))
                .expectEvents(new WeeklyLimitChangedEvent(CONTRACT_ID, 20, 30, WEDNESDAY, WEDNESDAY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void removingTheLimitAppliesAtOnce() {
        activeAt(WEDNESDAY)
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, null), as(CLIENT))
                .expectEvents(new WeeklyLimitChangedEvent(CONTRACT_ID, 20, null, WEDNESDAY, WEDNESDAY));
    }

    @Test
    void aDecreaseAppliesFromNextMonday() {
        activeAt(WEDNESDAY)
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 10), as(CLIENT))
                .expectEvents(new WeeklyLimitChangedEvent(CONTRACT_ID, 20, 10, NEXT_MONDAY, WEDNESDAY));
    }

    @Test
    void restoringTheLimitBeforeAPendingDecreaseAppliesAtOnce() {
        activeAt(WEDNESDAY)
                .andGiven(new WeeklyLimitChangedEvent(CONTRACT_ID, 20, 10, NEXT_MONDAY, WEDNESDAY.minusSeconds(3600)))
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 20), as(CLIENT))
                .expectEvents(new WeeklyLimitChangedEvent(CONTRACT_ID, 10, 20, WEDNESDAY, WEDNESDAY));
    }

    @Test
    void askingForTheLimitAlreadyAskedForChangesNothing() {
        activeAt(WEDNESDAY)
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 20), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 169})
    void aWeeklyLimitIsWholeHoursThatFitInAWeek(int hours) {
        activeAt(WEDNESDAY)
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, hours), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("weeklyLimitHours", "weeklyLimitHours.range"));
    }

    @Test
    void onlyTheClientChangesTheWeeklyLimit() {
        activeAt(WEDNESDAY)
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 40), as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.client-only"));
    }

    @Test
    void aPausedContractsLimitCanChange() {
        activeAt(WEDNESDAY)
                .andGiven(paused())
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 40), as(CLIENT))
                .expectEvents(new WeeklyLimitChangedEvent(CONTRACT_ID, 20, 40, WEDNESDAY, WEDNESDAY));
    }

    @Test
    void anEndedContractsLimitCannotChange() {
        activeAt(WEDNESDAY)
                .andGiven(ended())
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 40), as(CLIENT))
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void anOfferedContractsLimitIsChangedByANewOfferNotHere() {
        fixture.givenCurrentTime(WEDNESDAY)
                .andGiven(hourlyOffered(OFFERED_AT))
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 40), as(CLIENT))
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void aFixedPriceContractHasNoWeeklyLimit() {
        fixture.givenCurrentTime(WEDNESDAY)
                .andGiven(fixedPriceOffered(OFFERED_AT), accepted(ContractType.FIXED_PRICE))
                .when(new ChangeWeeklyLimitCommand(CONTRACT_ID, 40), as(CLIENT))
                .expectException(badRequest("contractId", "contract.hourly-only"));
    }

    // Pause and resume.

    @Test
    void aDisputeHandlerPausesAnActiveContract() {
        activeAt(WEDNESDAY)
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(DISPUTE_HANDLER))
                .expectEvents(new ContractPausedEvent(CONTRACT_ID, DISPUTE_HANDLER.userId(), Role.DISPUTE_HANDLER, REASON,
                        WEDNESDAY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theServicePausesForAnHourDispute() {
        activeAt(WEDNESDAY)
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(SYSTEM))
                .expectEvents(new ContractPausedEvent(CONTRACT_ID, SYSTEM.userId(), Role.SYSTEM, REASON, WEDNESDAY));
    }

    @Test
    void theClientCannotPause() {
        activeAt(WEDNESDAY)
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.dispute-handler-only"));
    }

    @Test
    void theFreelancerCannotPause() {
        activeAt(WEDNESDAY)
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.dispute-handler-only"));
    }

    @Test
    void anOutsiderLearnsNothingWhenPausing() {
        activeAt(WEDNESDAY)
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(OTHER_CLIENT))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void financeCannotPause() {
        activeAt(WEDNESDAY)
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(FINANCE))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.dispute-handler-only"));
    }

    @Test
    void aPauseSaysWhy() {
        activeAt(WEDNESDAY)
                .when(new PauseContractCommand(CONTRACT_ID, "  "), as(DISPUTE_HANDLER))
                .expectNoEvents()
                .expectException(badRequest("reason", "reason.required"));
    }

    @Test
    void pausingAPausedContractChangesNothing() {
        activeAt(WEDNESDAY)
                .andGiven(paused())
                .when(new PauseContractCommand(CONTRACT_ID, "Second dispute"), as(SYSTEM))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void anEndedContractCannotBePaused() {
        activeAt(WEDNESDAY)
                .andGiven(ended())
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(DISPUTE_HANDLER))
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void anOfferCannotBePaused() {
        fixture.givenCurrentTime(WEDNESDAY)
                .andGiven(hourlyOffered(OFFERED_AT))
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(DISPUTE_HANDLER))
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void aFixedPriceContractIsPausedByItsDisputesToo() {
        fixture.givenCurrentTime(WEDNESDAY)
                .andGiven(fixedPriceOffered(OFFERED_AT), accepted(ContractType.FIXED_PRICE))
                .when(new PauseContractCommand(CONTRACT_ID, REASON), as(SYSTEM))
                .expectEvents(new ContractPausedEvent(CONTRACT_ID, SYSTEM.userId(), Role.SYSTEM, REASON, WEDNESDAY));
    }

    @Test
    void aDisputeHandlerResumesAPausedContract() {
        activeAt(WEDNESDAY)
                .andGiven(paused())
                .when(new ResumeContractCommand(CONTRACT_ID, null), as(DISPUTE_HANDLER))
                .expectEvents(new ContractResumedEvent(CONTRACT_ID, DISPUTE_HANDLER.userId(), Role.DISPUTE_HANDLER, null,
                        WEDNESDAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void resumingAnActiveContractChangesNothing() {
        activeAt(WEDNESDAY)
                .when(new ResumeContractCommand(CONTRACT_ID, null), as(SYSTEM))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void theClientCannotLiftAPause() {
        activeAt(WEDNESDAY)
                .andGiven(paused())
                .when(new ResumeContractCommand(CONTRACT_ID, null), as(CLIENT))
                .expectException(forbidden("contractId", "contract.dispute-handler-only"));
    }

    @Test
    void anEndedContractCannotBeResumed() {
        activeAt(WEDNESDAY)
                .andGiven(paused(), ended())
                .when(new ResumeContractCommand(CONTRACT_ID, null), as(DISPUTE_HANDLER))
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void aPausedContractCanBeEnded() {
        activeAt(WEDNESDAY)
                .andGiven(paused())
                .when(new EndContractCommand(CONTRACT_ID, "No longer needed"), as(CLIENT))
                .expectEvents(new ContractEndedEvent(CONTRACT_ID, ContractType.HOURLY, CLIENT.userId(), Role.CLIENT,
                        "No longer needed", WEDNESDAY));
    }

    private TestExecutor<Contract> activeAt(Instant now) {
        return fixture.givenCurrentTime(now).andGiven(hourlyOffered(OFFERED_AT), accepted(ContractType.HOURLY));
    }

    private static ContractAcceptedEvent accepted(ContractType type) {
        return new ContractAcceptedEvent(CONTRACT_ID, type, CLIENT.userId(), FREELANCER.userId(), ACCEPTED_AT);
    }

    private static ContractPausedEvent paused() {
        return new ContractPausedEvent(CONTRACT_ID, SYSTEM.userId(), Role.SYSTEM, REASON, ACCEPTED_AT.plusSeconds(3600));
    }

    private static ContractEndedEvent ended() {
        return new ContractEndedEvent(CONTRACT_ID, ContractType.HOURLY, CLIENT.userId(), Role.CLIENT, null,
                ACCEPTED_AT.plusSeconds(7200));
    }

}
