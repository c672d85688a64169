package io.freelance.ledger.standalone;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL operations a frontend sends, as the demo users, over real HTTP. Each method returns
 * the raw response so tests can assert on data or on classified errors.
 */
final class LedgerApi {

    static final String CONTRACT_FIELDS = """
            id title type status currency
            client { id } freelancer { id }
            milestones { id position description status submissions autoReleaseAt
                         depositAmount { amount currency } currentEscrowAmount { amount currency }
                         releasedAmount { amount currency } }
            escrow { status currentEscrowAmount { amount currency } unallocatedAmount { amount currency }
                     refund { status dueAt refundedAt amount { amount currency } reason } }
            """;

    private final GraphQlHttpClient http;

    LedgerApi(String baseUrl) {
        this.http = new GraphQlHttpClient(baseUrl);
    }

    Response call(DemoUser user, String document, Map<String, Object> variables) {
        return http.as(user.id(), user.password(), document, variables);
    }

    Response offerFixedPrice(DemoUser client, String key, String freelancerId, String currency,
                             List<Map<String, Object>> milestones) {
        return call(client, """
                mutation($input: OfferFixedPriceContractInput!) {
                  offerFixedPriceContract(input: $input) { contractId pending contract { %s } }
                }""".formatted(CONTRACT_FIELDS), Map.of("input", Map.of(
                "idempotencyKey", key, "freelancerId", freelancerId, "title", "Landing page",
                "currency", currency, "milestones", milestones)));
    }

    static Map<String, Object> milestone(String description, String amount, String currency) {
        return Map.of("description", description, "depositAmount", money(amount, currency), "dueDate", "2027-03-01");
    }

    /** The milestone with this id in a contract returned by the API. */
    static JsonNode milestoneIn(JsonNode contract, String milestoneId) {
        for (JsonNode milestone : contract.path("milestones")) {
            if (milestone.path("id").asString().equals(milestoneId)) {
                return milestone;
            }
        }
        throw new AssertionError("No milestone " + milestoneId + " in " + contract);
    }

    static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    Response accept(DemoUser freelancer, String contractId) {
        return contractMutation(freelancer, "acceptContract", "AcceptContractInput", Map.of("contractId", contractId));
    }

    Response end(DemoUser party, String contractId) {
        return contractMutation(party, "endContract", "EndContractInput",
                Map.of("contractId", contractId, "reason", "Work finished"));
    }

    Response fund(DemoUser client, String contractId, String milestoneId, String key) {
        return contractMutation(client, "fundMilestone", "FundMilestoneInput",
                Map.of("contractId", contractId, "milestoneId", milestoneId, "idempotencyKey", key));
    }

    Response submit(DemoUser freelancer, String contractId, String milestoneId, String note) {
        return contractMutation(freelancer, "submitMilestone", "SubmitMilestoneInput",
                Map.of("contractId", contractId, "milestoneId", milestoneId, "note", note));
    }

    Response requestChanges(DemoUser client, String contractId, String milestoneId, String message) {
        return contractMutation(client, "requestMilestoneChanges", "RequestMilestoneChangesInput",
                Map.of("contractId", contractId, "milestoneId", milestoneId, "message", message));
    }

    /** {@code releaseAmount} null releases the whole deposit. */
    Response approve(DemoUser client, String contractId, String milestoneId, Map<String, Object> releaseAmount, String key) {
        Map<String, Object> input = new HashMap<>(Map.of("contractId", contractId, "milestoneId", milestoneId,
                "idempotencyKey", key));
        if (releaseAmount != null) {
            input.put("releaseAmount", releaseAmount);
        }
        return contractMutation(client, "approveMilestone", "ApproveMilestoneInput", input);
    }

    Response addMilestone(DemoUser client, String contractId, String key, Map<String, Object> amount) {
        return contractMutation(client, "addMilestone", "AddMilestoneInput", Map.of("contractId", contractId,
                "idempotencyKey", key, "description", "Extra work", "depositAmount", amount, "dueDate", "2027-04-01"));
    }

    Response me(DemoUser user) {
        return call(user, "{ me { id } }", Map.of());
    }

    Response contract(DemoUser user, String contractId) {
        return call(user, "query($id: ID!) { contract(id: $id) { %s } }".formatted(CONTRACT_FIELDS), Map.of("id", contractId));
    }

    Response contracts(DemoUser user) {
        return call(user, "{ contracts(first: 100) { edges { node { id } } } }", Map.of());
    }

    /** The balance finance sees for an account, as an exact decimal. */
    BigDecimal balance(String account, String currency) {
        JsonNode amount = call(DemoUser.ERIN, """
                query($account: String!, $currency: String!) {
                  ledgerAccount(account: $account, currency: $currency) { balance { amount } }
                }""", Map.of("account", account, "currency", currency))
                .dataAt("ledgerAccount.balance.amount");
        return amount.isMissingNode() || amount.isNull() ? BigDecimal.ZERO.setScale(2) : new BigDecimal(amount.asString());
    }

    Response trialBalance(String currency) {
        return call(DemoUser.ERIN, """
                query($currency: String!) { trialBalance(currency: $currency) { total { amount } balanced accountCount } }""",
                Map.of("currency", currency));
    }

    /** An offer with exactly the given input fields, so a test can leave one out or send it malformed. */
    Response offerFixedPrice(DemoUser client, Map<String, Object> input) {
        return call(client, """
                mutation($input: OfferFixedPriceContractInput!) {
                  offerFixedPriceContract(input: $input) { contract { id } }
                }""", Map.of("input", input));
    }

    /** One page of the caller's contracts, with the parties of each. */
    Response contracts(DemoUser user, int first, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("first", first));
        variables.put("after", after);
        return call(user, """
                query($first: Int, $after: String) {
                  contracts(first: $first, after: $after) {
                    edges { cursor node { id client { id } freelancer { id } } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""", variables);
    }

    /** One account as {@code user} reads it. */
    Response ledgerAccount(DemoUser user, String account, String currency) {
        return call(user, """
                query($account: String!, $currency: String!) {
                  ledgerAccount(account: $account, currency: $currency) { account currency balance { amount currency } }
                }""", Map.of("account", account, "currency", currency));
    }

    /** The caller's own accounts (every account for finance). */
    Response ledgerAccounts(DemoUser user) {
        return call(user, "{ ledgerAccounts { account currency balance { amount } } }", Map.of());
    }

    /** The trial balance as {@code user} asks for it, with every account listed. */
    Response trialBalance(DemoUser user, String currency) {
        return call(user, """
                query($currency: String!) {
                  trialBalance(currency: $currency) {
                    total { amount } balanced accountCount truncated accounts { account balance { amount } }
                  }
                }""", Map.of("currency", currency));
    }

    /** One page of the caller's contracts with every field a test compares. */
    Response contractsWithFields(DemoUser user, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("after", after);
        return call(user, """
                query($after: String) {
                  contracts(first: 100, after: $after) { edges { node { %s } } pageInfo { hasNextPage endCursor } }
                }""".formatted(CONTRACT_FIELDS), variables);
    }

    /** One page of an account's statement, as finance reads it. */
    Response statement(String account, String currency, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("account", account, "currency", currency));
        variables.put("after", after);
        return call(DemoUser.ERIN, """
                query($account: String!, $currency: String!, $after: String) {
                  ledgerAccount(account: $account, currency: $currency) {
                    statement(first: 100, after: $after) {
                      edges { node { entryId amount { amount } cause { kind contractId milestoneId } } }
                      pageInfo { hasNextPage endCursor }
                    }
                  }
                }""", variables);
    }

    private Response contractMutation(DemoUser user, String mutation, String inputType, Map<String, Object> input) {
        return call(user, """
                mutation($input: %s!) { %s(input: $input) { contractId pending contract { %s } } }"""
                .formatted(inputType, mutation, CONTRACT_FIELDS), Map.of("input", input));
    }
}
