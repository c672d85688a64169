package io.freelance.ledger.query.dispute;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.DisputeKind;
import io.freelance.ledger.dispute.DisputeOpenedEvent;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeProposalAcceptedEvent;
import io.freelance.ledger.dispute.DisputeProposalRejectedEvent;
import io.freelance.ledger.dispute.DisputeResolution;
import io.freelance.ledger.dispute.DisputeRespondedEvent;
import io.freelance.ledger.dispute.DisputeResponse;
import io.freelance.ledger.dispute.DisputeSettledEvent;
import io.freelance.ledger.dispute.DisputeSettlementProposedEvent;
import io.freelance.ledger.dispute.DisputeTerms;
import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.query.dispute.DisputeQueue.QueuedDispute;
import io.freelance.ledger.query.readstore.AppliedVersions;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispute desk's read model as the Dispute aggregate's and the invoices' hour-dispute events build it: the
 * dispute's stages, the queue of open disputes oldest first, the parties' lists, redelivered events.
 */
class DisputeProjectionTest {

    private static final Instant OPENED_AT = Instant.parse("2030-01-15T10:00:00Z");
    private static final String REFUND = "refund-dispute-c1";

    private static InMemoryMongo mongo;
    private static DisputeProjection projection;
    private static DisputeReadModel readModel;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        MongoDatabase database = mongo.database("dispute-projection-test");
        DisputeQueue queue = new DisputeQueue(database);
        DisputeLists lists = new DisputeLists(database);
        projection = new DisputeProjection(new DisputeStore(database, queue, lists,
                new AppliedVersions(SimpleQueryUpdateEmitter.builder().build(), List.of())));
        readModel = new DisputeReadModel(database, queue, lists);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollections() {
        projection.onReset();
    }

    private static DisputeOpenedEvent opened(String disputeId, String contractId, Instant at) {
        return new DisputeOpenedEvent(disputeId, DisputeKind.REFUND, contractId, "escrow-" + contractId, null, "alice",
                "carol", "carol", Role.FREELANCER, usd("250.00"), "Delivered.", at, at.plus(Duration.ofDays(3)));
    }

    private static DisputeTerms split() {
        return new DisputeTerms(DisputeOutcome.SPLIT, usd("150.25"), usd("99.75"));
    }

    @Test
    void anOpenedDisputeAwaitsTheResponseAndIsQueuedWithItsDeadline() {
        projection.on(opened(REFUND, "c1", OPENED_AT), 0);

        DisputeView dispute = readModel.findById(REFUND).orElseThrow();
        assertThat(dispute.status()).isEqualTo(DisputeStatus.AWAITING_RESPONSE);
        assertThat(dispute.disputedAmount()).isEqualTo(usd("250.00"));
        assertThat(dispute.nextDeadline()).isEqualTo(OPENED_AT.plus(Duration.ofDays(3)));
        assertThat(readModel.queuePage(null, 10)).extracting(queued -> queued.dispute().id()).containsExactly(REFUND);
        assertThat(readModel.pageOfParty("alice", null, 10)).extracting(listed -> listed.dispute().id())
                .containsExactly(REFUND);
        assertThat(readModel.appliedVersion(REFUND)).isZero();
    }

    @Test
    void aProposalCarriesItsAnswersAndARejectionSendsTheDisputeBackToTheHandler() {
        Instant proposedAt = OPENED_AT.plus(Duration.ofDays(1));
        projection.on(opened(REFUND, "c1", OPENED_AT), 0);
        projection.on(new DisputeRespondedEvent(REFUND, "c1", "alice", Role.CLIENT, DisputeResponse.CONTEST, "No.",
                proposedAt), 1);
        projection.on(new DisputeSettlementProposedEvent(REFUND, "c1", 1, split(), null, "frank", proposedAt,
                proposedAt.plus(Duration.ofDays(2))), 2);
        projection.on(new DisputeProposalAcceptedEvent(REFUND, "c1", 1, "alice", Role.CLIENT, proposedAt), 3);

        DisputeView proposed = readModel.findById(REFUND).orElseThrow();
        assertThat(proposed.status()).isEqualTo(DisputeStatus.PROPOSED);
        assertThat(proposed.proposal().acceptedBy()).containsExactly("alice");
        assertThat(proposed.nextDeadline()).isEqualTo(proposedAt.plus(Duration.ofDays(2)));

        projection.on(new DisputeProposalRejectedEvent(REFUND, "c1", 1, "carol", Role.FREELANCER, null, proposedAt), 4);
        DisputeView rejected = readModel.findById(REFUND).orElseThrow();
        assertThat(rejected.status()).isEqualTo(DisputeStatus.CONTESTED);
        assertThat(rejected.proposal().status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(rejected.nextDeadline()).isNull();
    }

    @Test
    void aSettledDisputeLeavesTheQueueAndKeepsItsSettlement() {
        projection.on(opened(REFUND, "c1", OPENED_AT), 0);
        projection.on(new DisputeSettledEvent(REFUND, "c1", DisputeResolution.DECIDED_BY_HANDLER, split(), "frank",
                Role.DISPUTE_HANDLER, "Half delivered.", OPENED_AT.plus(Duration.ofDays(1))), 1);

        DisputeView settled = readModel.findById(REFUND).orElseThrow();
        assertThat(settled.status()).isEqualTo(DisputeStatus.SETTLED);
        assertThat(settled.settlement().releaseAmount()).isEqualTo(usd("150.25"));
        assertThat(settled.settlement().refundAmount()).isEqualTo(usd("99.75"));
        assertThat(readModel.queuePage(null, 10)).isEmpty();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        DisputeOpenedEvent opened = opened(REFUND, "c1", OPENED_AT);
        DisputeRespondedEvent contested = new DisputeRespondedEvent(REFUND, "c1", "alice", Role.CLIENT,
                DisputeResponse.CONTEST, "No.", OPENED_AT);
        projection.on(opened, 0);
        projection.on(contested, 1);
        projection.on(opened, 0);
        projection.on(contested, 1);

        assertThat(readModel.findById(REFUND).orElseThrow().status()).isEqualTo(DisputeStatus.CONTESTED);
        assertThat(readModel.pageOfParty("carol", null, 10)).hasSize(1);
        assertThat(readModel.queuePage(null, 10)).hasSize(1);
    }

    @Test
    void theQueueHoldsHourDisputesTooOldestFirstInPages() {
        projection.on(opened("refund-dispute-c2", "c2", OPENED_AT.plusSeconds(60)), 0);
        projection.on(hoursDisputed("hour-dispute-c3.2030-W02", OPENED_AT), 4);
        projection.on(opened("refund-dispute-c4", "c4", OPENED_AT.plusSeconds(120)), 0);

        List<DisputeReadModel.QueuedView> first = readModel.queuePage(null, 2);
        assertThat(first).extracting(queued -> queued.dispute().id())
                .containsExactly("hour-dispute-c3.2030-W02", "refund-dispute-c2", "refund-dispute-c4");
        assertThat(first.get(0).dispute().kind()).isEqualTo(DisputeKind.HOURS);
        QueuedDispute after = first.get(1).place();
        assertThat(readModel.queuePage(after, 2)).extracting(queued -> queued.dispute().id())
                .containsExactly("refund-dispute-c4");
    }

    @Test
    void anHourDisputeSettledByTheRulesShowsItsRefundAndPayment() {
        String hourDispute = "hour-dispute-c3.2030-W02";
        projection.on(hoursDisputed(hourDispute, OPENED_AT), 4);
        projection.on(new HourDisputeSettledEvent("invoice-c3", hourDispute, "c3", "alice", "carol",
                HourDisputeOutcome.DECIDED_BY_RULES, "system", Role.SYSTEM, null, List.of(), List.of(),
                usd("20.00"), usd("1.00"), usd("13.33"), null, OPENED_AT.plus(Duration.ofDays(3))), 5);

        DisputeView settled = readModel.findById(hourDispute).orElseThrow();
        assertThat(settled.settlement().resolution()).isEqualTo(DisputeResolution.NO_RESPONSE_IN_TIME);
        assertThat(settled.settlement().outcome()).isEqualTo(DisputeOutcome.SPLIT);
        assertThat(settled.settlement().refundAmount()).isEqualTo(usd("20.00"));
        assertThat(settled.settlement().releaseAmount()).isEqualTo(usd("13.33"));
        assertThat(readModel.appliedVersion(hourDispute)).isEqualTo(5);
        assertThat(readModel.queuePage(null, 10)).isEmpty();
    }

    private static HourDisputeOpenedEvent hoursDisputed(String disputeId, Instant at) {
        Money disputed = usd("33.33");
        return new HourDisputeOpenedEvent("invoice-c3", disputeId, "c3", "alice", "carol", List.of(), disputed,
                usd("13.33"), "Lunch break.", at, at.plus(Duration.ofDays(3)));
    }
}
