package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static io.freelance.ledger.standalone.LedgerApi.milestoneIn;
import static io.freelance.ledger.standalone.LedgerApi.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency keys over HTTP GraphQL against the running service, as a payments API keeps them: a request
 * repeated with its key and the same input is answered with the first result and records nothing; the key
 * sent with other input is refused as CONFLICT {@code idempotencyKey.reused}, and records nothing either.
 */
class IdempotencyKeyTest extends StandaloneTestBase {

    private static final String OFFER_HOURLY = """
            mutation($input: OfferHourlyContractInput!) {
              offerHourlyContract(input: $input) { contractId pending contract { id type status } }
            }""";
    private static final String APPROVE = """
            mutation($input: ApproveMilestoneInput!) {
              approveMilestone(input: $input) { contractId pending contract { %s } }
            }""".formatted(LedgerApi.CONTRACT_FIELDS);

    @Test
    void fixedPriceOfferKeyReusedWithOtherTermsIsRefusedAndTheSameTermsGetTheFirstContract() {
        String key = unique("offer");
        List<Map<String, Object>> milestones = List.of(milestone("Design", "100.00", "USD"), milestone("Build", "200.00", "USD"));
        JsonNode first = api.offerFixedPrice(ALICE, key, CAROL.id(), "USD", milestones)
                .dataAt("offerFixedPriceContract.contract");

        refusedAsReusedKey(() -> api.offerFixedPrice(ALICE, key, CAROL.id(), "USD",
                List.of(milestone("Design", "100.00", "USD"), milestone("Build", "250.00", "USD"))));
        refusedAsReusedKey(() -> api.offerFixedPrice(ALICE, key, DAVE.id(), "USD", milestones));

        JsonNode retried = answeredWithoutRecording(() -> api.offerFixedPrice(ALICE, key, CAROL.id(), "USD", milestones),
                "offerFixedPriceContract");
        assertThat(retried.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(retried.path("milestones")).isEqualTo(first.path("milestones"));
        assertThat(retried.path("status").asString()).isEqualTo("OFFERED");
    }

    @Test
    void hourlyOfferKeyReusedWithAnotherRateIsRefusedAndTheSameRateGetsTheFirstContract() {
        String key = unique("hourly");
        String firstId = api.call(ALICE, OFFER_HOURLY, hourlyOffer(key, "30.00"))
                .dataAt("offerHourlyContract.contract.id").asString();

        refusedAsReusedKey(() -> api.call(ALICE, OFFER_HOURLY, hourlyOffer(key, "35.00")));

        JsonNode retried = answeredWithoutRecording(() -> api.call(ALICE, OFFER_HOURLY, hourlyOffer(key, "30.00")),
                "offerHourlyContract");
        assertThat(retried.path("id").asString()).isEqualTo(firstId);
    }

    @Test
    void addMilestoneKeyReusedWithOtherTermsIsRefusedAndTheSameTermsAddNothing() {
        String contractId = acceptedContract("100.00", "100.00");
        String key = unique("add");
        JsonNode added = api.addMilestone(ALICE, contractId, key, money("50.00", "USD")).dataAt("addMilestone.contract");
        assertThat(added.path("milestones")).hasSize(3);

        refusedAsReusedKey(() -> api.addMilestone(ALICE, contractId, key, money("60.00", "USD")));

        JsonNode retried = answeredWithoutRecording(() -> api.addMilestone(ALICE, contractId, key, money("50.00", "USD")),
                "addMilestone");
        assertThat(retried.path("milestones")).as("the milestone added once").isEqualTo(added.path("milestones"));
    }

    @Test
    void fundingKeyReusedForAnotherMilestoneIsRefusedAndChargesNothing() {
        String contractId = acceptedContract("100.00", "100.00");
        JsonNode contract = api.contract(ALICE, contractId).dataAt("contract");
        String design = contract.path("milestones").get(0).path("id").asString();
        String build = contract.path("milestones").get(1).path("id").asString();
        LedgerBalances ledger = new LedgerBalances(api, "USD", "client:alice:charges", "escrow:" + contractId);
        String key = unique("fund");
        api.fund(ALICE, contractId, design, key).dataAt("fundMilestone.contract");
        Map<String, String> afterFunding = Map.of("client:alice:charges", "-105.00", "escrow:" + contractId, "100.00");
        ledger.expectChanges(afterFunding);

        refusedAsReusedKey(() -> api.fund(ALICE, contractId, build, key));

        JsonNode retried = answeredWithoutRecording(() -> api.fund(ALICE, contractId, design, key), "fundMilestone");
        assertThat(milestoneIn(retried, design).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(milestoneIn(retried, build).path("status").asString()).isEqualTo("NOT_FUNDED");
        ledger.expectChanges(afterFunding);
    }

    @Test
    void approvalKeyReusedWithOtherArgumentsIsRefusedAndPaysNothing() {
        String contractId = acceptedContract("100.00", "100.00");
        String design = api.contract(ALICE, contractId).dataAt("contract.milestones.0.id").asString();
        LedgerBalances ledger = new LedgerBalances(api, "USD", "client:alice:charges", "escrow:" + contractId,
                "freelancer:carol:pending");
        api.fund(ALICE, contractId, design, unique("fund")).dataAt("fundMilestone.contract");
        String key = unique("approve");
        api.call(ALICE, APPROVE, approval(contractId, design, key, "60.00", null, "Thanks")).dataAt("approveMilestone.contract");
        Map<String, String> afterApproval = Map.of("client:alice:charges", "-105.00", "escrow:" + contractId, "40.00",
                "freelancer:carol:pending", "54.00");
        ledger.expectChanges(afterApproval);

        refusedAsReusedKey(() -> api.call(ALICE, APPROVE, approval(contractId, design, key, "70.00", null, "Thanks")));
        refusedAsReusedKey(() -> api.call(ALICE, APPROVE, approval(contractId, design, key, "60.00", "10.00", "Thanks")));
        refusedAsReusedKey(() -> api.call(ALICE, APPROVE, approval(contractId, design, key, "60.00", null, "Thank you")));

        JsonNode retried = answeredWithoutRecording(
                () -> api.call(ALICE, APPROVE, approval(contractId, design, key, "60.00", null, "Thanks")), "approveMilestone");
        assertThat(milestoneIn(retried, design).path("releasedAmount").path("amount").asString()).isEqualTo("60.00");
        assertThat(retried.path("escrow").path("currentEscrowAmount").path("amount").asString()).isEqualTo("40.00");
        ledger.expectChanges(afterApproval);
    }

    /** Refused as CONFLICT on the idempotency key, and no event stored. */
    private void refusedAsReusedKey(Supplier<Response> call) {
        long eventsBefore = storedEventCount();
        Response response = call.get();
        assertThat(storedEventCount()).as("events stored by the refused call %s", response.body()).isEqualTo(eventsBefore);
        assertThat(response.errors().size()).as("errors in %s", response.body()).isEqualTo(1);
        JsonNode error = response.firstError();
        assertThat(error.path("extensions").path("classification").asString()).as(error.toString()).isEqualTo("CONFLICT");
        assertThat(error.path("extensions").path("field").asString()).as(error.toString()).isEqualTo("idempotencyKey");
        assertThat(error.path("extensions").path("rule").asString()).as(error.toString()).isEqualTo("idempotencyKey.reused");
        assertThat(error.path("message").asString()).contains("idempotencyKey", "Nothing was recorded");
    }

    /** The contract as the first answer showed it, without error or wait, and no event stored. */
    private JsonNode answeredWithoutRecording(Supplier<Response> call, String mutation) {
        long eventsBefore = storedEventCount();
        JsonNode payload = call.get().dataAt(mutation);
        assertThat(storedEventCount()).as("events stored by the repeated call").isEqualTo(eventsBefore);
        assertThat(payload.path("pending").asBoolean()).as(payload.toString()).isFalse();
        return payload.path("contract");
    }

    private String acceptedContract(String... depositAmounts) {
        List<Map<String, Object>> milestones = Arrays.stream(depositAmounts)
                .map(amount -> milestone("Part", amount, "USD")).toList();
        String contractId = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD", milestones)
                .dataAt("offerFixedPriceContract.contract.id").asString();
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        return contractId;
    }

    private static Map<String, Object> hourlyOffer(String key, String rate) {
        return Map.of("input", Map.of("idempotencyKey", key, "freelancerId", DAVE.id(), "title", "Support",
                "hourlyRate", money(rate, "USD"), "weeklyLimitHours", 20));
    }

    private static Map<String, Object> approval(String contractId, String milestoneId, String key, String releaseAmount,
                                                String bonus, String note) {
        Map<String, Object> input = new HashMap<>(Map.of("contractId", contractId, "milestoneId", milestoneId,
                "idempotencyKey", key, "releaseAmount", money(releaseAmount, "USD"), "note", note));
        if (bonus != null) {
            input.put("bonus", money(bonus, "USD"));
        }
        return Map.of("input", input);
    }
}
