package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dispute desk over HTTP GraphQL (DESIGN §4, §5): fixed-price disputes opened by the freelancer, answered by
 * the client, mediated and decided by a dispute handler (frank), with the money moving through escrow to the cent.
 */
class DisputeDeskJourneyTest extends StandaloneTestBase {

    private DisputeApi disputes() {
        return new DisputeApi(api);
    }

    @Test
    void aDisputedRefundIsSplitByTheDeskToTheCent() {
        String contractId = fundedContract("250.00");
        api.end(ALICE, contractId).dataAt("endContract.contract");
        eventually(() -> assertThat(api.contract(ALICE, contractId).dataAt("contract.escrow.refund.status").asString())
                .isEqualTo("REQUESTED"));
        LedgerBalances ledger = balancesOf(contractId);

        JsonNode refund = disputes().disputeRefund(CAROL, contractId, "The site was delivered.")
                .dataAt("disputeEscrowRefund.contract.escrow.refund");
        assertThat(refund.path("status").asString()).isEqualTo("DISPUTED");
        String disputeId = "refund-dispute-" + contractId;

        JsonNode opened = disputes().dispute(FRANK, disputeId).dataAt("dispute");
        assertThat(opened.path("kind").asString()).isEqualTo("REFUND");
        assertThat(opened.path("status").asString()).isEqualTo("AWAITING_RESPONSE");
        assertThat(opened.path("disputedAmount").path("amount").asString()).isEqualTo("250.00");
        assertThat(opened.path("nextDeadline").asString()).isEqualTo(opened.path("responseDueAt").asString());
        assertThat(queuedIds()).contains(disputeId);
        assertThat(disputes().mine(CAROL).dataAt("myDisputes.edges").findValuesAsString("id")).contains(disputeId);

        disputes().respond(ALICE, disputeId, "CONTEST", "Half of the pages are missing.").answered();
        JsonNode settled = disputes().decideSplit(FRANK, disputeId, "150.25", "99.75", "USD")
                .dataAt("decideDispute.dispute");

        assertThat(settled.path("status").asString()).isEqualTo("SETTLED");
        assertThat(settled.path("settlement").path("resolution").asString()).isEqualTo("DECIDED_BY_HANDLER");
        assertThat(settled.path("settlement").path("decidedBy").path("id").asString()).isEqualTo("frank");
        // The parties see the handler by role only, as in the event history.
        for (DemoUser party : List.of(ALICE, CAROL)) {
            JsonNode decidedBy = disputes().dispute(party, disputeId).dataAt("dispute.settlement.decidedBy");
            assertThat(decidedBy.path("id").asString()).as(party.name()).isEqualTo("DISPUTE_HANDLER");
            assertThat(decidedBy.path("role").asString()).as(party.name()).isEqualTo("DISPUTE_HANDLER");
        }
        // 150.25 to carol less her 10% service fee (15.025, half-up to 15.03); 99.75 back to alice.
        ledger.expectChanges(Map.of("escrow:" + contractId, "-250.00", "client:alice:refunds", "99.75",
                "freelancer:carol:pending", "135.22", "platform:fees:service", "15.03", "client:alice:charges", "0.00"));
        assertThat(api.balance("escrow:" + contractId, "USD")).isEqualByComparingTo("0.00");
        assertThat(queuedIds()).doesNotContain(disputeId);
        JsonNode settledRefund = api.contract(CAROL, contractId).dataAt("contract.escrow.refund");
        assertThat(settledRefund.path("status").asString()).isEqualTo("SETTLED");
        assertThat(settledRefund.path("amount").path("amount").asString()).isEqualTo("99.75");
        assertThat(settledRefund.path("refundedAt").isNull()).isFalse();
    }

    @Test
    void aClaimedMilestonePausesTheContractUntilTheDecision() {
        String contractId = fundedContract("100.00");
        String milestoneId = firstMilestone(contractId);
        api.submit(CAROL, contractId, milestoneId, "All screens are done.").answered();
        LedgerBalances ledger = balancesOf(contractId);

        JsonNode opened = disputes().openMilestoneDispute(CAROL, contractId, milestoneId, "Submitted two weeks ago.")
                .dataAt("openMilestoneDispute.dispute");
        String disputeId = opened.path("id").asString();
        assertThat(opened.path("kind").asString()).isEqualTo("MILESTONE");
        eventually(() -> assertThat(contractStatus(contractId)).isEqualTo("PAUSED"));
        refused(() -> api.approve(ALICE, contractId, milestoneId, null, unique("approve")), "CONFLICT", "milestoneId",
                "milestone.disputed");

        disputes().respond(ALICE, disputeId, "CONTEST", "The screens do not match the design.").answered();
        JsonNode proposal = disputes().propose(FRANK, disputeId, "60.00", "40.00", "USD")
                .dataAt("proposeDisputeSettlement.dispute.proposal");
        assertThat(proposal.path("status").asString()).isEqualTo("OPEN");
        disputes().accept(ALICE, disputeId, 1).answered();
        JsonNode rejected = disputes().reject(CAROL, disputeId, 1).dataAt("rejectDisputeProposal.dispute");
        assertThat(rejected.path("status").asString()).isEqualTo("CONTESTED");
        assertThat(rejected.path("proposal").path("status").asString()).isEqualTo("REJECTED");
        assertThat(contractStatus(contractId)).isEqualTo("PAUSED");

        JsonNode settled = disputes().decide(FRANK, disputeId, "RELEASE_TO_FREELANCER").dataAt("decideDispute.dispute");

        assertThat(settled.path("settlement").path("releaseAmount").path("amount").asString()).isEqualTo("100.00");
        ledger.expectChanges(Map.of("escrow:" + contractId, "-100.00", "freelancer:carol:pending", "90.00",
                "platform:fees:service", "10.00", "client:alice:refunds", "0.00"));
        eventually(() -> assertThat(contractStatus(contractId)).isEqualTo("ACTIVE"));
    }

    @Test
    void withoutAResponseInThreeDaysTheDisputeIsDecidedForTheFreelancer() {
        String contractId = fundedContract("100.00");
        String milestoneId = firstMilestone(contractId);
        api.submit(CAROL, contractId, milestoneId, "All screens are done.").answered();
        LedgerBalances ledger = balancesOf(contractId);
        String disputeId = disputes().openMilestoneDispute(CAROL, contractId, milestoneId, "No answer from the client.")
                .dataAt("openMilestoneDispute.dispute.id").asString();

        time.advance(Duration.ofDays(2), contractId);
        assertThat(disputes().dispute(CAROL, disputeId).dataAt("dispute.status").asString())
                .isEqualTo("AWAITING_RESPONSE");
        time.advance(Duration.ofDays(1).plusMinutes(1), contractId);

        eventually(() -> assertThat(disputes().dispute(CAROL, disputeId).dataAt("dispute.status").asString())
                .isEqualTo("SETTLED"));
        JsonNode settlement = disputes().dispute(ALICE, disputeId).dataAt("dispute.settlement");
        assertThat(settlement.path("resolution").asString()).isEqualTo("NO_RESPONSE_IN_TIME");
        assertThat(settlement.path("decidedBy").path("role").asString()).isEqualTo("SYSTEM");
        ledger.expectChanges(Map.of("escrow:" + contractId, "-100.00", "freelancer:carol:pending", "90.00",
                "client:alice:refunds", "0.00"));
        eventually(() -> assertThat(contractStatus(contractId)).isEqualTo("ACTIVE"));
    }

    @Test
    void partiesActOnlyOnTheirOwnDisputesAndOnlyHandlersDecide() {
        String contractId = fundedContract("100.00");
        String milestoneId = firstMilestone(contractId);
        api.submit(CAROL, contractId, milestoneId, "Done.").answered();

        refused(() -> disputes().openMilestoneDispute(ALICE, contractId, milestoneId, "Mine"), "FORBIDDEN", "contractId",
                "contract.freelancer-only");
        refused(() -> disputes().openMilestoneDispute(DAVE, contractId, milestoneId, "Mine"), "NOT_FOUND", "contractId",
                "contract.not-found");
        refused(() -> disputes().openMilestoneDispute(FRANK, contractId, milestoneId, "Mine"), "FORBIDDEN", "disputeId",
                "dispute.parties-only");
        String disputeId = disputes().openMilestoneDispute(CAROL, contractId, milestoneId, "Not released.")
                .dataAt("openMilestoneDispute.dispute.id").asString();

        refused(() -> disputes().dispute(BOB, disputeId), "NOT_FOUND", "id", "dispute.not-found");
        refused(() -> disputes().respond(CAROL, disputeId, "CONCEDE", null), "FORBIDDEN", "disputeId", "dispute.client-only");
        refused(() -> disputes().respond(BOB, disputeId, "CONCEDE", null), "NOT_FOUND", "disputeId", "dispute.not-found");
        refused(() -> disputes().respond(FRANK, disputeId, "CONCEDE", null), "FORBIDDEN", "disputeId", "dispute.parties-only");
        refused(() -> disputes().decide(FRANK, disputeId, "REFUND_TO_CLIENT"), "CONFLICT", "disputeId",
                "dispute.awaiting-response");
        disputes().respond(ALICE, disputeId, "CONTEST", "Not delivered.").answered();

        refused(() -> disputes().decide(CAROL, disputeId, "RELEASE_TO_FREELANCER"), "FORBIDDEN", "disputeId",
                "dispute.handler-only");
        refused(() -> disputes().decide(ERIN, disputeId, "RELEASE_TO_FREELANCER"), "FORBIDDEN", "disputeId",
                "dispute.handler-only");
        refused(() -> disputes().propose(ALICE, disputeId, "50.00", "50.00", "USD"), "FORBIDDEN", "disputeId",
                "dispute.handler-only");
        refused(() -> disputes().decideSplit(FRANK, disputeId, "50.00", "49.99", "USD"), "BAD_REQUEST", "refundAmount",
                "split.sum");
        refused(() -> disputes().queue(ERIN, 10, null), "FORBIDDEN", "disputeQueue", "dispute.handler-only");
        refused(() -> disputes().queue(CAROL, 10, null), "FORBIDDEN", "disputeQueue", "dispute.handler-only");
        refused(() -> disputes().mine(FRANK), "FORBIDDEN", "myDisputes", "dispute.parties-only");
        assertThat(disputes().dispute(ERIN, disputeId).dataAt("dispute.status").asString()).isEqualTo("CONTESTED");
        assertThat(disputes().mine(DAVE).dataAt("myDisputes.edges").findValuesAsString("id")).doesNotContain(disputeId);
    }

    @Test
    void theQueueListsOpenDisputesOldestFirstInPages() {
        String first = openedMilestoneDispute();
        String second = openedMilestoneDispute();

        List<String> queued = queuedIds();
        assertThat(queued).containsSubsequence(first, second);
        Response page = disputes().queue(FRANK, 1, null);
        String cursor = page.dataAt("disputeQueue.pageInfo.endCursor").asString();
        assertThat(page.dataAt("disputeQueue.pageInfo.hasNextPage").asBoolean()).isTrue();
        String next = disputes().queue(FRANK, 1, cursor).dataAt("disputeQueue.edges.0.node.id").asString();
        assertThat(queued.get(1)).isEqualTo(next);
    }

    private String openedMilestoneDispute() {
        String contractId = fundedContract("100.00");
        String milestoneId = firstMilestone(contractId);
        api.submit(CAROL, contractId, milestoneId, "Done.").answered();
        return disputes().openMilestoneDispute(CAROL, contractId, milestoneId, "Not released.")
                .dataAt("openMilestoneDispute.dispute.id").asString();
    }

    private List<String> queuedIds() {
        return disputes().queue(FRANK, 100, null).dataAt("disputeQueue.edges").findValuesAsString("id");
    }

    /** The contract id is in the answer even when the read model lagged (pending), so it is read from there. */
    private String fundedContract(String amount) {
        String contractId = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD",
                List.of(milestone("The whole site", amount, "USD"))).dataAt("offerFixedPriceContract.contractId").asString();
        api.accept(CAROL, contractId).answered();
        api.fund(ALICE, contractId, firstMilestone(contractId), unique("fund")).answered();
        return contractId;
    }

    private String firstMilestone(String contractId) {
        String[] milestoneId = new String[1];
        eventually(() -> {
            List<String> ids = api.contract(ALICE, contractId).dataAt("contract.milestones").findValuesAsString("id");
            assertThat(ids).isNotEmpty();
            milestoneId[0] = ids.get(0);
        });
        return milestoneId[0];
    }

    private String contractStatus(String contractId) {
        return api.contract(ALICE, contractId).dataAt("contract.status").asString();
    }

    private LedgerBalances balancesOf(String contractId) {
        return new LedgerBalances(api, "USD", "client:alice:charges", "client:alice:refunds", "escrow:" + contractId,
                "freelancer:carol:pending", "platform:fees:service");
    }
}
