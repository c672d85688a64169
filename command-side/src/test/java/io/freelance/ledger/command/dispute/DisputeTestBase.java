package io.freelance.ledger.command.dispute;

import io.freelance.ledger.command.testing.DeadlinesAtSimulatedTime;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.DecideDisputeCommand;
import io.freelance.ledger.dispute.DisputeId;
import io.freelance.ledger.dispute.DisputeKind;
import io.freelance.ledger.dispute.DisputeOpenedEvent;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeResolution;
import io.freelance.ledger.dispute.DisputeRespondedEvent;
import io.freelance.ledger.dispute.DisputeResponse;
import io.freelance.ledger.dispute.DisputeSettledEvent;
import io.freelance.ledger.dispute.DisputeTerms;
import io.freelance.ledger.dispute.OpenMilestoneDisputeCommand;
import io.freelance.ledger.dispute.OpenRefundDisputeCommand;
import io.freelance.ledger.dispute.ProposeDisputeSettlementCommand;
import io.freelance.ledger.dispute.RespondToDisputeCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fixed-price contract whose escrow holds 250.00 USD under dispute: the refund at contract end, or milestone
 * m2. Amounts are literal so each test states the money it expects to the cent.
 */
abstract class DisputeTestBase {

    static final String CONTRACT_ID = "contract-1";
    static final String MILESTONE_ID = "m2";
    static final String REFUND_DISPUTE = DisputeId.forRefund(CONTRACT_ID);
    static final String MILESTONE_DISPUTE = DisputeId.forMilestone(CONTRACT_ID, MILESTONE_ID);
    static final Actor HANDLER = new Actor("handler-1", Role.DISPUTE_HANDLER);
    static final Actor FINANCE = new Actor("finance-1", Role.FINANCE);
    static final String REASON = "The site was delivered and is live.";
    static final String STATEMENT = "Half of the pages are missing.";
    static final String NOTE = "Half the pages were delivered.";
    static final Instant OPENED_AT = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant RESPONSE_DUE = OPENED_AT.plus(Duration.ofDays(3));
    static final Instant RESPONDED_AT = OPENED_AT.plus(Duration.ofDays(1));

    AggregateTestFixture<Dispute> fixture;
    FakeDisputedEscrow escrow;
    RecordingRegister register;

    @BeforeEach
    void newFixture() {
        fixture = DeadlinesAtSimulatedTime.applyTo(new AggregateTestFixture<>(Dispute.class));
        escrow = new FakeDisputedEscrow(new ContractParties(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId()),
                usd("250.00"));
        register = new RecordingRegister();
        fixture.registerInjectableResource(escrow);
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(DisputePolicy.defaults());
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static CommandMessage<?> by(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData());
    }

    static OpenRefundDisputeCommand openRefund() {
        return new OpenRefundDisputeCommand(REFUND_DISPUTE, CONTRACT_ID, REASON);
    }

    static OpenMilestoneDisputeCommand openMilestone() {
        return new OpenMilestoneDisputeCommand(MILESTONE_DISPUTE, CONTRACT_ID, MILESTONE_ID, REASON);
    }

    static DisputeOpenedEvent refundOpened() {
        return new DisputeOpenedEvent(REFUND_DISPUTE, DisputeKind.REFUND, CONTRACT_ID,
                EscrowAccountId.forContract(CONTRACT_ID), null, CLIENT.userId(), FREELANCER.userId(),
                FREELANCER.userId(), Role.FREELANCER, usd("250.00"), REASON, OPENED_AT, RESPONSE_DUE);
    }

    static DisputeOpenedEvent milestoneOpened() {
        return new DisputeOpenedEvent(MILESTONE_DISPUTE, DisputeKind.MILESTONE, CONTRACT_ID,
                EscrowAccountId.forContract(CONTRACT_ID), MILESTONE_ID, CLIENT.userId(), FREELANCER.userId(),
                FREELANCER.userId(), Role.FREELANCER, usd("250.00"), REASON, OPENED_AT, RESPONSE_DUE);
    }

    static RespondToDisputeCommand contest(String disputeId) {
        return new RespondToDisputeCommand(disputeId, DisputeResponse.CONTEST, STATEMENT);
    }

    static ProposeDisputeSettlementCommand proposeSplit(String disputeId, String release, String refund) {
        return new ProposeDisputeSettlementCommand(disputeId, DisputeOutcome.SPLIT, usd(release), usd(refund), NOTE);
    }

    static DecideDisputeCommand decideSplit(String disputeId, String release, String refund) {
        return new DecideDisputeCommand(disputeId, DisputeOutcome.SPLIT, usd(release), usd(refund), NOTE);
    }

    static DisputeTerms split(String release, String refund) {
        return new DisputeTerms(DisputeOutcome.SPLIT, usd(release), usd(refund));
    }

    static DisputeSettledEvent settled(String disputeId, DisputeResolution resolution, DisputeTerms terms, Actor by,
                                       String note, Instant at) {
        return new DisputeSettledEvent(disputeId, CONTRACT_ID, resolution, terms, by.userId(), by.role(), note, at);
    }

    static DisputeRespondedEvent contested(Instant at) {
        return new DisputeRespondedEvent(REFUND_DISPUTE, CONTRACT_ID, CLIENT.userId(), Role.CLIENT,
                DisputeResponse.CONTEST, STATEMENT, at);
    }

    /**
     * The refund dispute as opened at {@link #OPENED_AT}, then {@code commands} at {@code now}. Given as an event:
     * the fixture's deadline clock cannot move once a given command has scheduled one.
     */
    TestExecutor<Dispute> refundDisputeThen(Instant now, Object... commands) {
        return fixture.givenCurrentTime(now)
                .andGiven(refundOpened())
                .andGivenCommands(commands);
    }

    /** The refund dispute, contested by the client a day after it opened, then {@code commands} at {@code now}. */
    TestExecutor<Dispute> contestedThen(Instant now, Object... commands) {
        return fixture.givenCurrentTime(now)
                .andGiven(refundOpened(), contested(RESPONDED_AT))
                .andGivenCommands(commands);
    }
}
