package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DemoUser;
import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The fixed-price mutations a frontend sends, each timed and its answer checked: HTTP 200, no errors,
 * and the returned contract showing the change (status of the contract or of the milestone). A wrong
 * or missing answer counts as an error. Empty results tell the caller to stop its flow.
 */
final class CheckedMutations {

    private static final String PAYLOAD = "contract { id status milestones { id description status } }";

    private final TimedGraphQlClient http;
    private final LatencyRecorder recorder;

    CheckedMutations(TimedGraphQlClient http, LatencyRecorder recorder) {
        this.http = http;
        this.recorder = recorder;
    }

    /** The new contract's id and first milestone's id. */
    Optional<String[]> offer(DemoUser client, DemoUser freelancer, String key, String amount) {
        Map<String, Object> milestone = Map.of("description", "Work", "depositAmount", money(amount), "dueDate", "2027-03-01");
        return mutate(client, "offerFixedPriceContract", "OfferFixedPriceContractInput", Map.of(
                "idempotencyKey", key, "freelancerId", freelancer.id(), "title", "Benchmark", "currency", "USD",
                "milestones", List.of(milestone)), contract -> "OFFERED".equals(contract.path("status").asString()))
                .map(contract -> new String[] {contract.path("id").asString(), contract.path("milestones").path(0).path("id").asString()});
    }

    boolean accept(DemoUser freelancer, String contractId) {
        return mutate(freelancer, "acceptContract", "AcceptContractInput", Map.of("contractId", contractId),
                contract -> "ACTIVE".equals(contract.path("status").asString())).isPresent();
    }

    /** The added milestone's id. */
    Optional<String> addMilestone(DemoUser client, String contractId, String key, String amount) {
        Map<String, Object> input = Map.of("contractId", contractId, "idempotencyKey", key, "description", "Added " + key,
                "depositAmount", money(amount), "dueDate", "2027-04-01");
        return mutate(client, "addMilestone", "AddMilestoneInput", input, contract -> describedAs(contract, "Added " + key).isPresent())
                .flatMap(contract -> describedAs(contract, "Added " + key))
                .map(milestone -> milestone.path("id").asString());
    }

    boolean editMilestone(DemoUser client, String contractId, String milestoneId, String description) {
        return mutate(client, "editMilestone", "EditMilestoneInput",
                Map.of("contractId", contractId, "milestoneId", milestoneId, "description", description),
                contract -> description.equals(milestoneIn(contract, milestoneId).path("description").asString())).isPresent();
    }

    boolean fund(DemoUser client, String contractId, String milestoneId, String key) {
        return milestoneMutation(client, "fundMilestone", "FundMilestoneInput", contractId, milestoneId,
                Map.of("idempotencyKey", key), "ACTIVE");
    }

    boolean submit(DemoUser freelancer, String contractId, String milestoneId) {
        return milestoneMutation(freelancer, "submitMilestone", "SubmitMilestoneInput", contractId, milestoneId,
                Map.of("note", "Done"), "SUBMITTED");
    }

    boolean approve(DemoUser client, String contractId, String milestoneId, String key) {
        return milestoneMutation(client, "approveMilestone", "ApproveMilestoneInput", contractId, milestoneId,
                Map.of("idempotencyKey", key), "RELEASED");
    }

    private boolean milestoneMutation(DemoUser user, String mutation, String inputType, String contractId, String milestoneId,
                                      Map<String, Object> extraInput, String expectedStatus) {
        Map<String, Object> input = new HashMap<>(extraInput);
        input.put("contractId", contractId);
        input.put("milestoneId", milestoneId);
        return mutate(user, mutation, inputType, input,
                contract -> expectedStatus.equals(milestoneIn(contract, milestoneId).path("status").asString())).isPresent();
    }

    private Optional<JsonNode> mutate(DemoUser user, String mutation, String inputType, Map<String, Object> input,
                                      Predicate<JsonNode> showsTheChange) {
        Reply reply = http.post(user, "mutation($input: %s!) { %s(input: $input) { %s } }".formatted(inputType, mutation, PAYLOAD),
                Map.of("input", input));
        JsonNode contract = reply.data().path(mutation).path("contract");
        boolean correct = reply.answered() && showsTheChange.test(contract);
        recorder.record(reply.latencyNanos(), correct);
        return correct ? Optional.of(contract) : Optional.empty();
    }

    /** Other clients add milestones to the same contract at the same time: find ours by its description. */
    private static Optional<JsonNode> describedAs(JsonNode contract, String description) {
        for (JsonNode milestone : contract.path("milestones")) {
            if (milestone.path("description").asString().equals(description)) {
                return Optional.of(milestone);
            }
        }
        return Optional.empty();
    }

    private static JsonNode milestoneIn(JsonNode contract, String milestoneId) {
        for (JsonNode milestone : contract.path("milestones")) {
            if (milestone.path("id").asString().equals(milestoneId)) {
                return milestone;
            }
        }
        return contract.path("no-such-milestone");
    }

    private static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }
}
