package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.LedgerApi.CONTRACT_FIELDS;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static io.freelance.ledger.standalone.LedgerApi.milestoneIn;
import static io.freelance.ledger.standalone.LedgerApi.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rest of the contract and escrow rules over HTTP GraphQL on the real stores: hourly offers,
 * declining, editing the milestone schedule while it is unfunded, a bonus on approval, and the two
 * ways a contract end returns escrow (at once when the freelancer ends it, or after 7 days unless the
 * freelancer disputes).
 */
class ContractLifecycleJourneyTest extends StandaloneTestBase {

    @Test
    void hourlyContractIsOfferedAndAcceptedWithItsTerms() {
        JsonNode offered = mutate(ALICE, "offerHourlyContract", "OfferHourlyContractInput", Map.of(
                "idempotencyKey", unique("hourly"), "freelancerId", DAVE.id(), "title", "Support",
                "hourlyRate", money("25.00", "USD"), "weeklyLimitHours", 40, "manualTimeAllowed", true));
        String contractId = offered.path("id").asString();
        assertThat(offered.path("type").asString()).isEqualTo("HOURLY");
        assertThat(offered.path("status").asString()).isEqualTo("OFFERED");

        JsonNode accepted = mutate(DAVE, "acceptContract", "AcceptContractInput", Map.of("contractId", contractId));
        assertThat(accepted.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.path("escrow").isNull()).as("hourly contracts have no escrow").isTrue();

        JsonNode terms = api.call(DAVE, """
                query($id: ID!) { contract(id: $id) { hourlyTerms { hourlyRate { amount currency } weeklyLimitHours manualTimeAllowed } } }""",
                Map.of("id", contractId)).dataAt("contract.hourlyTerms");
        assertThat(terms.path("hourlyRate").path("amount").asString()).isEqualTo("25.00");
        assertThat(terms.path("weeklyLimitHours").asInt()).isEqualTo(40);
        assertThat(terms.path("manualTimeAllowed").asBoolean()).isTrue();

        JsonNode mine = api.call(DAVE, """
                { contracts(first: 100, filter: {role: FREELANCER, status: [ACTIVE]}) { edges { node { id type } } } }""",
                Map.of()).dataAt("contracts.edges");
        assertThat(mine.findValuesAsString("id")).contains(contractId);
        JsonNode asClient = api.call(DAVE, "{ contracts(first: 100, filter: {role: CLIENT}) { edges { node { id } } } }",
                Map.of()).dataAt("contracts.edges");
        assertThat(asClient.findValuesAsString("id")).doesNotContain(contractId);
    }

    @Test
    void freelancerDeclinesAnOffer() {
        String contractId = offerToCarol("100.00").path("id").asString();

        JsonNode declined = api.call(CAROL, """
                mutation($input: DeclineContractInput!) { declineContract(input: $input) { contract { status declineReason } } }""",
                Map.of("input", Map.of("contractId", contractId, "reason", "Fully booked"))).dataAt("declineContract.contract");

        assertThat(declined.path("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.path("declineReason").asString()).isEqualTo("Fully booked");
    }

    @Test
    void unfundedMilestonesAreAddedEditedReorderedAndDeletedButFundedOnesAreFixed() {
        JsonNode contract = offerToCarol("100.00", "200.00");
        String contractId = contract.path("id").asString();
        String first = milestoneIds(contract).get(0);
        String second = milestoneIds(contract).get(1);
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");

        String addKey = unique("add");
        JsonNode added = api.addMilestone(ALICE, contractId, addKey, money("50.00", "USD")).dataAt("addMilestone.contract");
        assertThat(milestoneIds(added)).hasSize(3);
        String third = milestoneIds(added).get(2);
        JsonNode retried = api.addMilestone(ALICE, contractId, addKey, money("50.00", "USD")).dataAt("addMilestone.contract");
        assertThat(milestoneIds(retried)).as("the same key adds nothing twice").containsExactly(first, second, third);

        JsonNode edited = mutate(ALICE, "editMilestone", "EditMilestoneInput", Map.of("contractId", contractId,
                "milestoneId", third, "depositAmount", money("75.00", "USD"), "description", "Extra pages"));
        assertThat(edited.path("milestones").get(2).path("depositAmount").path("amount").asString()).isEqualTo("75.00");

        JsonNode reordered = mutate(ALICE, "reorderMilestones", "ReorderMilestonesInput",
                Map.of("contractId", contractId, "milestoneIds", List.of(third, first, second)));
        assertThat(milestoneIds(reordered)).containsExactly(third, first, second);
        assertThat(reordered.path("milestones").findValuesAsString("position")).containsExactly("1", "2", "3");

        JsonNode deleted = mutate(ALICE, "deleteMilestone", "DeleteMilestoneInput",
                Map.of("contractId", contractId, "milestoneId", second));
        assertThat(milestoneIds(deleted)).containsExactly(third, first);

        api.fund(ALICE, contractId, third, unique("fund")).dataAt("fundMilestone.contract");
        long eventsBefore = storedEventCount();
        JsonNode error = api.call(ALICE, """
                mutation($input: EditMilestoneInput!) { editMilestone(input: $input) { contract { id } } }""",
                Map.of("input", Map.of("contractId", contractId, "milestoneId", third, "description", "Changed")))
                .firstError();
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("CONFLICT");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aBonusOnApprovalIsChargedSeparatelyWithBothFees() {
        JsonNode contract = offerToCarol("100.00");
        String contractId = contract.path("id").asString();
        String milestoneId = milestoneIds(contract).get(0);
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        LedgerBalances ledger = balancesOf(contractId);
        api.fund(ALICE, contractId, milestoneId, unique("fund")).dataAt("fundMilestone.contract");

        api.call(ALICE, """
                mutation($input: ApproveMilestoneInput!) { approveMilestone(input: $input) { contract { id } } }""",
                Map.of("input", Map.of("contractId", contractId, "milestoneId", milestoneId, "idempotencyKey",
                        unique("approve"), "bonus", money("10.00", "USD"), "note", "Great work")))
                .dataAt("approveMilestone.contract");

        // 100.00 release (90.00 to the freelancer) plus a 10.00 bonus (9.00 to the freelancer, 0.50 fee to the client).
        ledger.expectChanges(Map.of("client:alice:charges", "-115.50", "escrow:" + contractId, "0.00",
                "freelancer:carol:pending", "99.00", "platform:fees:service", "11.00",
                "platform:fees:marketplace", "5.50"));
    }

    @Test
    void aRemainderThatCoversTheNextMilestoneChargesNothingAndTheLedgerCarriesOn() {
        JsonNode contract = offerToCarol("100.00", "30.00");
        String contractId = contract.path("id").asString();
        String first = milestoneIds(contract).get(0);
        String second = milestoneIds(contract).get(1);
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        LedgerBalances ledger = balancesOf(contractId);
        api.fund(ALICE, contractId, first, unique("fund")).dataAt("fundMilestone.contract");
        api.approve(ALICE, contractId, first, money("60.00", "USD"), unique("approve")).dataAt("approveMilestone.contract");

        // 40.00 is left in escrow; the 30.00 milestone is paid from it, nobody is charged.
        JsonNode funded = api.fund(ALICE, contractId, second, unique("fund")).dataAt("fundMilestone.contract");
        assertThat(milestoneIn(funded, second).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(funded.path("escrow").path("currentEscrowAmount").path("amount").asString()).isEqualTo("40.00");
        assertThat(funded.path("escrow").path("unallocatedAmount").path("amount").asString()).isEqualTo("10.00");

        // The ledger keeps applying what comes after: approving the 30.00 pays 27.00 into pending.
        api.approve(ALICE, contractId, second, null, unique("approve")).dataAt("approveMilestone.contract");
        ledger.expectChanges(Map.of("client:alice:charges", "-105.00", "escrow:" + contractId, "10.00",
                "freelancer:carol:pending", "81.00", "platform:fees:service", "9.00",
                "platform:fees:marketplace", "5.00"));
    }

    @Test
    void whenTheFreelancerEndsTheContractEscrowIsRefundedAtOnce() {
        JsonNode contract = offerToCarol("100.00");
        String contractId = contract.path("id").asString();
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        LedgerBalances ledger = balancesOf(contractId);
        api.fund(ALICE, contractId, milestoneIds(contract).get(0), unique("fund")).dataAt("fundMilestone.contract");

        JsonNode refund = api.end(CAROL, contractId).dataAt("endContract.contract.escrow.refund");

        assertThat(refund.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(refund.path("reason").asString()).isEqualTo("FREELANCER_ENDED_CONTRACT");
        ledger.expectChanges(Map.of("client:alice:charges", "-105.00", "client:alice:refunds", "100.00",
                "escrow:" + contractId, "0.00"));
    }

    /**
     * The disputed refund goes to the dispute desk instead of back to the client; the client does not answer the
     * dispute within its 3 days, so it is decided for the freelancer, who disputed.
     */
    @Test
    void aDisputedRefundGoesToTheDeskWhileAnUndisputedOneIsRefundedAfterSevenDays() {
        String disputedId = fundedContractEndedByTheClient();
        String controlId = fundedContractEndedByTheClient();
        LedgerBalances ledger = balancesOf(disputedId);

        JsonNode disputed = mutate(CAROL, "disputeEscrowRefund", "DisputeEscrowRefundInput",
                Map.of("contractId", disputedId, "reason", "The work was delivered"));
        assertThat(disputed.path("escrow").path("refund").path("status").asString()).isEqualTo("DISPUTED");

        time.advance(Duration.ofDays(7).plusMinutes(1), disputedId, controlId);

        eventually(() -> assertThat(api.contract(ALICE, controlId).dataAt("contract.escrow.refund.status").asString())
                .as("the undisputed refund, due at the same time").isEqualTo("REFUNDED"));
        eventually(() -> {
            JsonNode decided = api.contract(ALICE, disputedId).dataAt("contract.escrow.refund");
            assertThat(decided.path("status").asString()).as("decided by the desk, not refunded").isEqualTo("SETTLED");
            assertThat(decided.path("amount").path("amount").asString()).as("back to the client").isEqualTo("0.00");
        });
        ledger.expectChanges(Map.of("escrow:" + disputedId, "-100.00", "client:alice:refunds", "100.00",
                "freelancer:carol:pending", "90.00", "platform:fees:service", "10.00"));
    }

    private String fundedContractEndedByTheClient() {
        JsonNode contract = offerToCarol("100.00");
        String contractId = contract.path("id").asString();
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        api.fund(ALICE, contractId, milestoneIds(contract).get(0), unique("fund")).dataAt("fundMilestone.contract");
        api.end(ALICE, contractId).dataAt("endContract.contract");
        eventually(() -> assertThat(api.contract(ALICE, contractId).dataAt("contract.escrow.refund.status").asString())
                .isEqualTo("REQUESTED"));
        return contractId;
    }

    private JsonNode offerToCarol(String... amounts) {
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (int index = 0; index < amounts.length; index++) {
            milestones.add(milestone("Milestone " + (index + 1), amounts[index], "USD"));
        }
        return api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD", milestones)
                .dataAt("offerFixedPriceContract.contract");
    }

    private LedgerBalances balancesOf(String contractId) {
        return new LedgerBalances(api, "USD", "client:alice:charges", "client:alice:refunds", "escrow:" + contractId,
                "freelancer:carol:pending", "platform:fees:service", "platform:fees:marketplace");
    }

    private JsonNode mutate(DemoUser user, String mutation, String inputType, Map<String, Object> input) {
        Response response = api.call(user, "mutation($input: %s!) { %s(input: $input) { contract { %s declineReason } } }"
                .formatted(inputType, mutation, CONTRACT_FIELDS), Map.of("input", input));
        return response.dataAt(mutation + ".contract");
    }

    private static List<String> milestoneIds(JsonNode contract) {
        return contract.path("milestones").findValuesAsString("id");
    }
}
