package io.freelance.ledger.command.escrow;

import io.freelance.ledger.command.testing.DeadlinesAtSimulatedTime;
import static io.freelance.ledger.command.escrow.EscrowScenario.AUTO_RELEASE;
import static io.freelance.ledger.command.escrow.EscrowScenario.CHANGES;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.M2;
import static io.freelance.ledger.command.escrow.EscrowScenario.NOTE;
import static io.freelance.ledger.command.escrow.EscrowScenario.REFUND_WINDOW;
import static io.freelance.ledger.command.escrow.EscrowScenario.SECURITY_PERIOD;
import static io.freelance.ledger.command.escrow.EscrowScenario.approved;
import static io.freelance.ledger.command.escrow.EscrowScenario.bonusPaid;
import static io.freelance.ledger.command.escrow.EscrowScenario.changesRequested;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundsAvailable;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.refunded;
import static io.freelance.ledger.command.escrow.EscrowScenario.released;
import static io.freelance.ledger.command.escrow.EscrowScenario.submitted;
import static io.freelance.ledger.command.escrow.EscrowScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.SYSTEM;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasProperty;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.CloseEscrowAccountCommand;
import io.freelance.ledger.escrow.DisputeRefundCommand;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.RefundReason;
import io.freelance.ledger.escrow.ReleaseReason;
import io.freelance.ledger.escrow.RequestMilestoneChangesCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time-driven rules, with the fixture's clock moved forward: auto-release 14 days after a submission,
 * refund 7 days after the request unless disputed, money available 5 days after each payment.
 * Deadlines are scheduled by commands, so the history is given as commands where a deadline matters.
 */
class EscrowDeadlineTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private AggregateTestFixture<EscrowAccount> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = DeadlinesAtSimulatedTime.applyTo(new AggregateTestFixture<>(EscrowAccount.class));
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        now = fixture.currentTime();
    }

    @Test
    void submissionWithoutClientActionIsReleasedAfter14Days() {
        Instant dueAt = now.plus(AUTO_RELEASE);
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .andGivenCommands(by(FREELANCER, new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE)))
                .whenThenTimeElapses(AUTO_RELEASE)
                .expectDeadlinesMet(new AutoReleaseDeadline("m1", 1, dueAt))
                .expectEvents(released(M1, ReleaseReason.AUTO_RELEASED, null, "100.00", "10.00", null, dueAt));
    }

    @Test
    void deadlinesActAsTheServiceNotAsWhoeverSetThem() {
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .when(new ApproveMilestoneCommand(ESCROW_ID, "m1", null, null, null, "approve-1"), CLIENT.asMetaData())
                .expectScheduledDeadlineMatching(SECURITY_PERIOD, hasProperty("metaData", allOf(
                        hasEntry(Actor.USER_ID_KEY, SYSTEM.userId()), hasEntry(Actor.ROLE_KEY, Role.SYSTEM.name()))));
    }

    @Test
    void nothingIsReleasedBeforeThe14DaysAreOver() {
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .andGivenCommands(by(FREELANCER, new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE)))
                .whenThenTimeElapses(AUTO_RELEASE.minus(ONE_SECOND))
                .expectNoEvents()
                .expectScheduledDeadline(ONE_SECOND, new AutoReleaseDeadline("m1", 1, now.plus(AUTO_RELEASE)));
    }

    @Test
    void autoReleasedPaymentBecomesAvailableAfterTheSecurityPeriod() {
        Instant releasedAt = now.plus(AUTO_RELEASE);
        MilestoneReleasedEvent release = released(M1, ReleaseReason.AUTO_RELEASED, null, "100.00", "10.00", null,
                releasedAt);
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .andGivenCommands(by(FREELANCER, new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE)))
                .whenThenTimeElapses(AUTO_RELEASE.plus(SECURITY_PERIOD))
                .expectEvents(release, fundsAvailable("m1", release.journalEntry().entryId(), "90.00",
                        releasedAt.plus(SECURITY_PERIOD)));
    }

    /** The auto-release still fires after an approval (deadlines are not cancelled) and pays nothing more. */
    @Test
    void afterAnApprovalTheAutoReleasePaysNothing() {
        Instant dueAt = now.plus(AUTO_RELEASE);
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .andGivenCommands(by(FREELANCER, new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE)),
                        by(CLIENT, new ApproveMilestoneCommand(ESCROW_ID, "m1", null, null, null, "approve-1")))
                .whenThenTimeElapses(AUTO_RELEASE)
                .expectDeadlinesMetMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(SecurityPeriodDeadline.class), equalTo(new AutoReleaseDeadline("m1", 1, dueAt)),
                        andNoMore())))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(FundsAvailableEvent.class), andNoMore())));
    }

    @Test
    void afterAChangeRequestTheAutoReleasePaysNothing() {
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .andGivenCommands(by(FREELANCER, new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE)),
                        by(CLIENT, new RequestMilestoneChangesCommand(ESCROW_ID, "m1", CHANGES)))
                .whenThenTimeElapses(AUTO_RELEASE)
                .expectDeadlinesMet(new AutoReleaseDeadline("m1", 1, now.plus(AUTO_RELEASE)))
                .expectNoEvents();
    }

    /** Approving one milestone must not stop another submitted milestone from being released on time. */
    @Test
    void approvingOneMilestoneLeavesTheAutoReleaseOfAnotherInPlace() {
        Instant dueAt = now.plus(AUTO_RELEASE);
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now),
                        fundedWithNewMoney(M2, "fund-2", "5.00", now))
                .andGivenCommands(by(FREELANCER, new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE)),
                        by(FREELANCER, new SubmitMilestoneCommand(ESCROW_ID, "m2", NOTE)),
                        by(CLIENT, new ApproveMilestoneCommand(ESCROW_ID, "m1", null, null, null, "approve-1")))
                .whenThenTimeElapses(AUTO_RELEASE)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(FundsAvailableEvent.class),
                        equalTo(released(M2, ReleaseReason.AUTO_RELEASED, null, "100.00", "10.00", null, dueAt)),
                        andNoMore())));
    }

    @Test
    void resubmissionStartsA14DayPeriodOfItsOwn() {
        Instant resubmittedAt = now.plus(Duration.ofDays(3));
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now), submitted("m1", 1, now),
                        changesRequested("m1", now))
                .andGivenCurrentTime(resubmittedAt)
                .andGivenCommands(by(FREELANCER, new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE)))
                .whenThenTimeElapses(AUTO_RELEASE)
                .expectDeadlinesMet(new AutoReleaseDeadline("m1", 2, resubmittedAt.plus(AUTO_RELEASE)))
                .expectEvents(released(M1, ReleaseReason.AUTO_RELEASED, null, "100.00", "10.00", null,
                        resubmittedAt.plus(AUTO_RELEASE)));
    }

    /** A deadline can fire after the submission it was set for was superseded; it must then do nothing. */
    @Test
    void staleAutoReleaseOfAnEarlierSubmissionDoesNothing() {
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now), submitted("m1", 1, now),
                        changesRequested("m1", now), submitted("m1", 2, now))
                .whenInvoking(ESCROW_ID, account -> account.on(new AutoReleaseDeadline("m1", 1, now),
                        EscrowPolicy.defaults(), new StubDeadlineManager()))
                .expectNoEvents();
    }

    @Test
    void autoReleaseOfAMilestoneAlreadyApprovedDoesNothing() {
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now), submitted("m1", 1, now),
                        approved(M1, "approve-1", "100.00", "10.00", now))
                .whenInvoking(ESCROW_ID, account -> account.on(new AutoReleaseDeadline("m1", 1, now),
                        EscrowPolicy.defaults(), new StubDeadlineManager()))
                .expectNoEvents();
    }

    @Test
    void undisputedRefundIsPaidAfterSevenDays() {
        Instant dueAt = now.plus(REFUND_WINDOW);
        fixture.given(opened(now))
                .andGivenCommands(by(CLIENT, new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1")),
                        by(SYSTEM, new CloseEscrowAccountCommand(ESCROW_ID, CLIENT.userId(), Role.CLIENT)))
                .whenThenTimeElapses(REFUND_WINDOW)
                .expectDeadlinesMet(new RefundDeadline(dueAt))
                .expectEvents(refunded(List.of("m1"), "100.00", RefundReason.NOT_DISPUTED_IN_TIME, dueAt));
    }

    @Test
    void refundWaitsTheFullSevenDays() {
        fixture.given(opened(now))
                .andGivenCommands(by(CLIENT, new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1")),
                        by(SYSTEM, new CloseEscrowAccountCommand(ESCROW_ID, CLIENT.userId(), Role.CLIENT)))
                .whenThenTimeElapses(REFUND_WINDOW.minus(ONE_SECOND))
                .expectNoEvents();
    }

    @Test
    void disputeStopsTheRefund() {
        fixture.given(opened(now))
                .andGivenCommands(by(CLIENT, new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1")),
                        by(SYSTEM, new CloseEscrowAccountCommand(ESCROW_ID, CLIENT.userId(), Role.CLIENT)),
                        by(FREELANCER, new DisputeRefundCommand(ESCROW_ID, "Delivered in full.")))
                .whenThenTimeElapses(REFUND_WINDOW.multipliedBy(4))
                .expectDeadlinesMetMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(RefundDeadline.class), andNoMore())))
                .expectNoEvents();
    }

    @Test
    void paymentBecomesAvailableAfterTheFiveDaySecurityPeriod() {
        MilestoneReleasedEvent release = approved(M1, "approve-1", "100.00", "10.00", now);
        Instant availableAt = now.plus(SECURITY_PERIOD);
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .andGivenCommands(by(CLIENT, new ApproveMilestoneCommand(ESCROW_ID, "m1", null, null, null, "approve-1")))
                .whenThenTimeElapses(SECURITY_PERIOD)
                .expectDeadlinesMet(new SecurityPeriodDeadline("m1", release.journalEntry().entryId(), usd("90.00"),
                        availableAt))
                .expectEvents(fundsAvailable("m1", release.journalEntry().entryId(), "90.00", availableAt));
    }

    @Test
    void paymentStaysPendingDuringTheSecurityPeriod() {
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .andGivenCommands(by(CLIENT, new ApproveMilestoneCommand(ESCROW_ID, "m1", null, null, null, "approve-1")))
                .whenThenTimeElapses(SECURITY_PERIOD.minus(ONE_SECOND))
                .expectNoEvents();
    }

    @Test
    void bonusHasASecurityPeriodOfItsOwn() {
        MilestoneReleasedEvent release = approved(M1, "approve-1", "100.00", "10.00", now);
        var bonus = bonusPaid("m1", "20.00", "2.00", "1.00", now);
        Instant availableAt = now.plus(SECURITY_PERIOD);
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now))
                .andGivenCommands(by(CLIENT,
                        new ApproveMilestoneCommand(ESCROW_ID, "m1", null, usd("20.00"), null, "approve-1")))
                .whenThenTimeElapses(SECURITY_PERIOD)
                .expectEvents(fundsAvailable("m1", release.journalEntry().entryId(), "90.00", availableAt),
                        fundsAvailable("m1", bonus.journalEntry().entryId(), "18.00", availableAt));
    }

    @Test
    void paymentIsMadeAvailableOnlyOnce() {
        MilestoneReleasedEvent release = approved(M1, "approve-1", "100.00", "10.00", now);
        String paymentId = release.journalEntry().entryId();
        fixture.given(opened(now), fundedWithNewMoney(M1, "fund-1", "5.00", now), release,
                        fundsAvailable("m1", paymentId, "90.00", now))
                .whenInvoking(ESCROW_ID, account -> account.on(
                        new SecurityPeriodDeadline("m1", paymentId, usd("90.00"), now), EscrowPolicy.defaults()))
                .expectNoEvents();
    }

    private static CommandMessage<?> by(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData());
    }
}
