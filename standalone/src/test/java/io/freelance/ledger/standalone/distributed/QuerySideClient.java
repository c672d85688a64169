package io.freelance.ledger.standalone.distributed;

import io.freelance.ledger.common.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query side's GraphQL API over real HTTP with HTTP Basic, as a frontend calls it: the
 * operations of the distributed journey, each returning the raw reply.
 */
final class QuerySideClient {

    /** The users the query side is started with in this test; the password is {@code <id>-pass}. */
    enum User {
        ALICE(Role.CLIENT),
        CAROL(Role.FREELANCER),
        ERIN(Role.FINANCE);

        private final Role role;

        User(Role role) {
            this.role = role;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        String password() {
            return id() + "-pass";
        }

        Role role() {
            return role;
        }
    }

    static final String CURRENCY = "USD";

    private static final String CONTRACT_FIELDS = """
            id status
            milestones { id status submissions autoReleaseAt releasedAmount { amount } }
            escrow { status currentEscrowAmount { amount } unallocatedAmount { amount } }
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    QuerySideClient(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    Reply offerFixedPrice(User client, String idempotencyKey, User freelancer, List<String> milestoneAmounts) {
        List<Map<String, Object>> milestones = milestoneAmounts.stream()
                .map(amount -> Map.<String, Object>of("description", "Milestone of " + amount,
                        "depositAmount", money(amount), "dueDate", "2030-03-01"))
                .toList();
        return post(client, """
                mutation($input: OfferFixedPriceContractInput!) {
                  offerFixedPriceContract(input: $input) { contract { %s } }
                }""".formatted(CONTRACT_FIELDS), Map.of("input", Map.of(
                "idempotencyKey", idempotencyKey, "freelancerId", freelancer.id(), "title", "Landing page",
                "currency", CURRENCY, "milestones", milestones)));
    }

    Reply accept(User freelancer, String contractId) {
        return contractMutation(freelancer, "acceptContract", "AcceptContractInput", Map.of("contractId", contractId));
    }

    Reply fund(User client, String contractId, String milestoneId, String idempotencyKey) {
        return contractMutation(client, "fundMilestone", "FundMilestoneInput",
                Map.of("contractId", contractId, "milestoneId", milestoneId, "idempotencyKey", idempotencyKey));
    }

    Reply submit(User freelancer, String contractId, String milestoneId, String note) {
        return contractMutation(freelancer, "submitMilestone", "SubmitMilestoneInput",
                Map.of("contractId", contractId, "milestoneId", milestoneId, "note", note));
    }

    Reply approve(User client, String contractId, String milestoneId, String releaseAmount, String idempotencyKey) {
        Map<String, Object> input = new HashMap<>(Map.of("contractId", contractId, "milestoneId", milestoneId,
                "idempotencyKey", idempotencyKey, "releaseAmount", money(releaseAmount)));
        return contractMutation(client, "approveMilestone", "ApproveMilestoneInput", input);
    }

    Reply contract(User user, String contractId) {
        return post(user, "query($id: ID!) { contract(id: $id) { %s } }".formatted(CONTRACT_FIELDS), Map.of("id", contractId));
    }

    /** The balance finance sees for an account; an account nothing was posted to yet reads 0.00. */
    BigDecimal balance(String account) {
        JsonNode amount = post(User.ERIN, """
                query($account: String!, $currency: String!) {
                  ledgerAccount(account: $account, currency: $currency) { balance { amount } }
                }""", Map.of("account", account, "currency", CURRENCY))
                .dataAt("ledgerAccount.balance.amount");
        return amount.isMissingNode() || amount.isNull() ? new BigDecimal("0.00") : new BigDecimal(amount.asString());
    }

    Reply trialBalance() {
        return post(User.ERIN, "query($currency: String!) { trialBalance(currency: $currency) { total { amount } balanced } }",
                Map.of("currency", CURRENCY));
    }

    Reply post(User user, String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        String credentials = Base64.getEncoder()
                .encodeToString((user.id() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private Reply contractMutation(User user, String mutation, String inputType, Map<String, Object> input) {
        return post(user, "mutation($input: %s!) { %s(input: $input) { contract { %s } } }"
                .formatted(inputType, mutation, CONTRACT_FIELDS), Map.of("input", input));
    }

    private static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", CURRENCY);
    }

    record Reply(int status, JsonNode body) {

        /** This reply; fails with the whole reply when the call was refused or had errors. */
        Reply answered() {
            JsonNode errors = body.path("errors");
            if (status != 200 || (!errors.isMissingNode() && !errors.isEmpty())) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            return this;
        }

        /** The data at a dotted path, once {@link #answered()}. */
        JsonNode dataAt(String dottedPath) {
            JsonNode node = answered().body.path("data");
            for (String step : dottedPath.split("\\.")) {
                node = step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
            }
            return node;
        }
    }
}
