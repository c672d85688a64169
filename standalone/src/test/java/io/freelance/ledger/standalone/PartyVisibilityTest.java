package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static io.freelance.ledger.standalone.LedgerApi.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees and does what on a contract between alice (client) and carol (freelancer), over HTTP GraphQL
 * (DESIGN §6): a party sees and acts only on its own contracts; only the client funds and approves, only
 * the freelancer accepts and submits; finance and dispute handlers read what their role needs and change
 * nothing; everyone must sign in. Every refused mutation stores no event and moves no money.
 */
class PartyVisibilityTest extends StandaloneTestBase {

    /** The other client and the other freelancer: parties to other contracts, never to this one. */
    private static final List<DemoUser> OUTSIDERS = List.of(BOB, DAVE);

    private static final String ALICE_CHARGES = "client:alice:charges";
    private static final String ALICE_REFUNDS = "client:alice:refunds";
    private static final String CAROL_PENDING = "freelancer:carol:pending";
    private static final String CAROL_AVAILABLE = "freelancer:carol:available";
    private static final String MARKETPLACE_FEES = "platform:fees:marketplace";
    private static final String SERVICE_FEES = "platform:fees:service";

    private static final String FUND_MUTATION = """
            mutation($input: FundMilestoneInput!) { fundMilestone(input: $input) { contract { id } } }""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // Outsiders: the contract does not exist for them.

    @Test
    void outsidersGetNotFoundForTheContract() {
        // given a contract between alice and carol
        String contractId = acceptedContract().id();
        assertThat(api.contract(ALICE, contractId).dataAt("contract.id").asString()).isEqualTo(contractId);
        assertThat(api.contract(CAROL, contractId).dataAt("contract.id").asString()).isEqualTo(contractId);

        for (DemoUser outsider : OUTSIDERS) {
            // when an outsider asks for it
            Response response = api.contract(outsider, contractId);

            // then it does not exist for them
            JsonNode error = assertClassified(response, "NOT_FOUND", "id", "contract.not-found");
            assertThat(error.path("message").asString()).contains(contractId);
            assertThat(response.data().path("contract").isNull()).as("%s sees %s", outsider, response.body()).isTrue();
        }
    }

    @Test
    void outsidersDoNotSeeTheContractInTheirLists() {
        // given a contract between alice and carol, which both of them see listed
        String contractId = acceptedContract().id();
        assertThat(idsOf(contractsListed(ALICE))).contains(contractId);
        assertThat(idsOf(contractsListed(CAROL))).contains(contractId);
        // and one between bob and dave, so their lists are not empty
        String theirContractId = api.offerFixedPrice(BOB, unique("offer"), DAVE.id(), "USD",
                List.of(milestone("Logo", "50.00", "USD"))).dataAt("offerFixedPriceContract.contract.id").asString();

        for (DemoUser outsider : OUTSIDERS) {
            // when an outsider pages through their contracts
            List<JsonNode> listed = contractsListed(outsider);

            // then alice and carol's is not there, their own is, and everything there is their own
            assertThat(idsOf(listed)).as("%s's contracts", outsider).contains(theirContractId).doesNotContain(contractId);
            assertThat(listed).as("%s's contracts", outsider).allSatisfy(node -> assertThat(List.of(
                    node.path("client").path("id").asString(), node.path("freelancer").path("id").asString()))
                    .contains(outsider.id()));
        }
    }

    @Test
    void outsidersCannotReadTheContractsAccounts() {
        // given a funded contract between alice and carol, whose escrow alice can read
        FixedPrice contract = acceptedContract();
        fund(contract, 1);
        eventually(() -> assertThat(api.ledgerAccount(ALICE, contract.escrowAccount(), "USD")
                .dataAt("ledgerAccount.balance.amount").asString()).isEqualTo("100.00"));

        for (DemoUser outsider : OUTSIDERS) {
            for (String account : List.of(contract.escrowAccount(), ALICE_CHARGES, ALICE_REFUNDS, CAROL_PENDING, CAROL_AVAILABLE)) {
                // when an outsider reads the account
                Response response = api.ledgerAccount(outsider, account, "USD");

                // then they are refused and shown no balance
                assertClassified(response, "FORBIDDEN", "account", "account.access");
                assertThat(response.data().path("ledgerAccount").isNull()).as("%s reads %s: %s", outsider, account,
                        response.body()).isTrue();
            }
            // and their own list of accounts holds only their own
            assertThat(api.ledgerAccounts(outsider).dataAt("ledgerAccounts")).as("%s's accounts", outsider)
                    .allSatisfy(account -> assertThat(account.path("account").asString()).contains(":" + outsider.id() + ":"));
        }
    }

    @Test
    void outsidersCannotActOnTheContract() {
        for (DemoUser outsider : OUTSIDERS) {
            everyMutationIsRefused(outsider, "NOT_FOUND", "contract.not-found");
        }
    }

    // The parties: each does only what their side of the contract does.

    @Test
    void freelancerCannotFundOrApprove() {
        // given an accepted contract
        FixedPrice contract = acceptedContract();
        LedgerBalances ledger = ledgerOf(contract);
        SoftAssertions softly = new SoftAssertions();

        // when carol funds her own milestone, then she is refused
        refused(softly, () -> api.fund(CAROL, contract.id(), contract.milestone(1), unique("fund")),
                "FORBIDDEN", "contractId", "contract.client-only");

        // when carol approves it once alice has funded it, then she is refused
        fund(contract, 1);
        refused(softly, () -> api.approve(CAROL, contract.id(), contract.milestone(1), null, unique("approve")),
                "FORBIDDEN", "contractId", "contract.client-only");
        refused(softly, () -> api.approve(CAROL, contract.id(), contract.milestone(1), money("10.00", "USD"), unique("approve")),
                "FORBIDDEN", "contractId", "contract.client-only");

        // and only alice's funding moved money: nothing was released to carol
        ledger.expectChanges(onlyFundingOfTheFirstMilestone(contract));
        softly.assertAll();
    }

    @Test
    void clientCannotAcceptOrSubmit() {
        // given an offered contract
        FixedPrice contract = offeredContract();
        LedgerBalances ledger = ledgerOf(contract);
        SoftAssertions softly = new SoftAssertions();

        // when alice accepts her own offer, then she is refused and it stays offered
        refused(softly, () -> api.accept(ALICE, contract.id()), "FORBIDDEN", "contractId", "contract.freelancer-only");
        assertThat(api.contract(ALICE, contract.id()).dataAt("contract.status").asString()).isEqualTo("OFFERED");

        // when alice submits work on the funded milestone, then she is refused and it stays active
        api.accept(CAROL, contract.id()).dataAt("acceptContract.contract");
        fund(contract, 1);
        refused(softly, () -> api.submit(ALICE, contract.id(), contract.milestone(1), "Done"),
                "FORBIDDEN", "contractId", "contract.freelancer-only");
        assertThat(api.contract(ALICE, contract.id()).dataAt("contract.milestones.0.status").asString()).isEqualTo("ACTIVE");

        ledger.expectChanges(onlyFundingOfTheFirstMilestone(contract));
        softly.assertAll();
    }

    // Finance: reads every account and the trial balance, changes no contract.

    @Test
    void financeReadsTheTrialBalanceAndAnyAccount() {
        // given a funded contract between alice and carol
        FixedPrice contract = acceptedContract();
        fund(contract, 1);

        // then erin reads the contract's escrow, the parties' accounts and the platform's
        eventually(() -> assertThat(api.ledgerAccount(ERIN, contract.escrowAccount(), "USD")
                .dataAt("ledgerAccount.balance.amount").asString()).isEqualTo("100.00"));
        for (String account : List.of(ALICE_CHARGES, ALICE_REFUNDS, CAROL_PENDING, CAROL_AVAILABLE, MARKETPLACE_FEES)) {
            JsonNode read = api.ledgerAccount(ERIN, account, "USD").dataAt("ledgerAccount");
            assertThat(read.path("account").asString()).isEqualTo(account);
            assertThat(read.path("balance").path("currency").asString()).isEqualTo("USD");
        }
        // and the trial balance, which lists the escrow account and sums to zero
        eventually(() -> {
            JsonNode trialBalance = api.trialBalance(ERIN, "USD").dataAt("trialBalance");
            assertThat(trialBalance.path("balanced").asBoolean()).isTrue();
            assertThat(trialBalance.path("total").path("amount").asString()).isEqualTo("0.00");
            assertThat(trialBalance.path("accounts")).anySatisfy(account -> {
                assertThat(account.path("account").asString()).isEqualTo(contract.escrowAccount());
                assertThat(account.path("balance").path("amount").asString()).isEqualTo("100.00");
            });
        });
        // and the contract itself
        assertThat(api.contract(ERIN, contract.id()).dataAt("contract.id").asString()).isEqualTo(contract.id());
    }

    /**
     * Finance can read the contract, so "not found" would contradict what the same caller was just shown:
     * the refusal is FORBIDDEN (DESIGN §6a), and nothing is recorded.
     */
    @Test
    void financeCannotActOnTheContract() {
        everyMutationIsRefused(ERIN, "FORBIDDEN", null);
    }

    // Dispute handlers: read the contract and its escrow, change nothing, see no personal accounts.

    @Test
    void disputeHandlerReadsTheContractAndItsEscrow() {
        // given a funded contract between alice and carol
        FixedPrice contract = acceptedContract();
        fund(contract, 1);

        // then frank reads the contract with its milestones and escrow
        JsonNode read = api.contract(FRANK, contract.id()).dataAt("contract");
        assertThat(read.path("id").asString()).isEqualTo(contract.id());
        assertThat(read.path("client").path("id").asString()).isEqualTo(ALICE.id());
        assertThat(read.path("freelancer").path("id").asString()).isEqualTo(CAROL.id());
        assertThat(read.path("milestones").get(0).path("status").asString()).isEqualTo("ACTIVE");
        eventually(() -> assertThat(api.ledgerAccount(FRANK, contract.escrowAccount(), "USD")
                .dataAt("ledgerAccount.balance.amount").asString()).isEqualTo("100.00"));

        // but not the parties' own accounts, which a dispute does not need
        for (String account : List.of(ALICE_CHARGES, CAROL_PENDING)) {
            assertClassified(api.ledgerAccount(FRANK, account, "USD"), "FORBIDDEN", "account", "account.access");
        }
    }

    /** As for finance: frank can read the contract, so refusing to let him change it is FORBIDDEN. */
    @Test
    void disputeHandlerCannotActOnTheContract() {
        everyMutationIsRefused(FRANK, "FORBIDDEN", null);
    }

    // The trial balance and signing in.

    @Test
    void onlyFinanceReadsTheTrialBalance() {
        for (DemoUser user : List.of(ALICE, BOB, CAROL, DAVE, FRANK)) {
            Response response = api.trialBalance(user, "USD");

            JsonNode error = assertClassified(response, "FORBIDDEN", null, "role.finance");
            assertThat(error.path("message").asString()).contains("finance");
            assertThat(response.data().isNull() || response.data().path("trialBalance").isNull())
                    .as("%s reads %s", user, response.body()).isTrue();
        }
        assertThat(api.trialBalance(ERIN, "USD").dataAt("trialBalance.balanced").asBoolean()).isTrue();
    }

    @Test
    void requestWithoutCredentialsIsUnauthorized() {
        // given a contract alice could fund
        FixedPrice contract = acceptedContract();
        long eventsBefore = storedEventCount();

        // when someone who has not signed in reads, or funds it
        HttpResponse<String> read = post(null, "{ me { id } }", Map.of());
        HttpResponse<String> funding = post(null, FUND_MUTATION, fundVariables(contract));

        // then both are refused at the door and nothing is recorded
        assertUnauthorized(read);
        assertUnauthorized(funding);
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        // given a contract alice could fund
        FixedPrice contract = acceptedContract();
        long eventsBefore = storedEventCount();

        // when someone signs in as alice with a wrong password, or as a user who does not exist
        HttpResponse<String> read = post(basic(ALICE.id(), "not-" + ALICE.password()), "{ me { id } }", Map.of());
        HttpResponse<String> funding = post(basic(ALICE.id(), "not-" + ALICE.password()), FUND_MUTATION, fundVariables(contract));
        HttpResponse<String> stranger = post(basic("mallory", ALICE.password()), "{ me { id } }", Map.of());

        // then each is refused at the door and nothing is recorded
        assertUnauthorized(read);
        assertUnauthorized(funding);
        assertUnauthorized(stranger);
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
        // while the right password works
        assertThat(post(basic(ALICE.id(), ALICE.password()), "{ me { id } }", Map.of()).statusCode()).isEqualTo(200);
    }

    // Helpers

    /**
     * Walks a fresh contract through its life (offered, accepted, funded) and, at each step, has
     * {@code intruder} try what a party could do there: accept; fund and add a milestone; submit, approve
     * and end. Each try must be refused, store no event and move no money. The classification is checked
     * softly so one run reports every mismatch. {@code rule} null accepts any rule name.
     */
    private void everyMutationIsRefused(DemoUser intruder, String classification, String rule) {
        SoftAssertions softly = new SoftAssertions();
        FixedPrice contract = offeredContract();
        LedgerBalances ledger = ledgerOf(contract);
        String id = contract.id();
        String first = contract.milestone(1);

        refused(softly, () -> api.accept(intruder, id), classification, "contractId", rule);

        api.accept(CAROL, id).dataAt("acceptContract.contract");
        refused(softly, () -> api.fund(intruder, id, first, unique("fund")), classification, "contractId", rule);
        refused(softly, () -> api.addMilestone(intruder, id, unique("add"), money("50.00", "USD")),
                classification, "contractId", rule);

        fund(contract, 1);
        refused(softly, () -> api.submit(intruder, id, first, "Done"), classification, "contractId", rule);
        refused(softly, () -> api.approve(intruder, id, first, null, unique("approve")), classification, "contractId", rule);
        refused(softly, () -> api.end(intruder, id), classification, "contractId", rule);

        // The contract is as alice and carol left it: active, one milestone, funded, nothing released.
        JsonNode after = api.contract(ALICE, id).dataAt("contract");
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("milestones")).hasSize(1);
        assertThat(after.path("milestones").get(0).path("status").asString()).isEqualTo("ACTIVE");
        ledger.expectChanges(onlyFundingOfTheFirstMilestone(contract));
        softly.assertAll();
    }

    /**
     * Sends a mutation that must be refused: it must fail and store no event (checked at once), and carry
     * the expected classification, field and rule (checked softly).
     */
    private void refused(SoftAssertions softly, Supplier<Response> call, String classification, String field, String rule) {
        long eventsBefore = storedEventCount();
        Response response = call.get();
        assertThat(storedEventCount()).as("events stored by the refused call %s", response.body()).isEqualTo(eventsBefore);
        assertThat(response.errors().isEmpty()).as("refused? %s", response.body()).isFalse();
        JsonNode error = response.firstError();
        JsonNode extensions = error.path("extensions");
        softly.assertThat(extensions.path("classification").asString()).as("classification in %s", error).isEqualTo(classification);
        softly.assertThat(extensions.path("field").asString(null)).as("field in %s", error).isEqualTo(field);
        if (rule != null) {
            softly.assertThat(extensions.path("rule").asString(null)).as("rule in %s", error).isEqualTo(rule);
        } else {
            softly.assertThat(extensions.path("rule").asString("")).as("rule in %s", error).isNotBlank();
        }
        softly.assertThat(error.path("message").asString()).as("message in %s", error).isNotBlank();
    }

    /** The one error of the response, after checking its classification, field and rule. */
    private static JsonNode assertClassified(Response response, String classification, String field, String rule) {
        assertThat(response.errors().size()).as("errors in %s", response.body()).isEqualTo(1);
        JsonNode error = response.firstError();
        JsonNode extensions = error.path("extensions");
        assertThat(extensions.path("classification").asString()).as("classification in %s", error).isEqualTo(classification);
        assertThat(extensions.path("field").asString(null)).as("field in %s", error).isEqualTo(field);
        assertThat(extensions.path("rule").asString(null)).as("rule in %s", error).isEqualTo(rule);
        assertThat(error.path("message").asString()).as("message in %s", error).isNotBlank();
        return error;
    }

    /** Every contract {@code user} is shown, page by page. */
    private List<JsonNode> contractsListed(DemoUser user) {
        List<JsonNode> listed = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 1_000; page++) {
            JsonNode connection = api.contracts(user, 100, after).dataAt("contracts");
            connection.path("edges").forEach(edge -> listed.add(edge.path("node")));
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                return listed;
            }
            after = connection.path("pageInfo").path("endCursor").asString();
        }
        throw new AssertionError("More than 1000 pages of contracts for " + user);
    }

    private static List<String> idsOf(List<JsonNode> contracts) {
        return contracts.stream().map(contract -> contract.path("id").asString()).toList();
    }

    /** alice offers carol a USD contract with one 100.00 milestone. */
    private FixedPrice offeredContract() {
        JsonNode offered = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD",
                        List.of(milestone("Design", "100.00", "USD")))
                .dataAt("offerFixedPriceContract.contract");
        return new FixedPrice(offered.path("id").asString(), offered.path("milestones").findValuesAsString("id"));
    }

    private FixedPrice acceptedContract() {
        FixedPrice contract = offeredContract();
        api.accept(CAROL, contract.id()).dataAt("acceptContract.contract");
        return contract;
    }

    private void fund(FixedPrice contract, int position) {
        api.fund(ALICE, contract.id(), contract.milestone(position), unique("fund")).dataAt("fundMilestone.contract");
    }

    private LedgerBalances ledgerOf(FixedPrice contract) {
        return new LedgerBalances(api, "USD", ALICE_CHARGES, contract.escrowAccount(), CAROL_PENDING, SERVICE_FEES,
                MARKETPLACE_FEES);
    }

    /** alice's 100.00 funding with its 5.00 marketplace fee; nothing released, no service fee. */
    private static Map<String, String> onlyFundingOfTheFirstMilestone(FixedPrice contract) {
        return Map.of(ALICE_CHARGES, "-105.00", contract.escrowAccount(), "100.00", CAROL_PENDING, "0.00",
                SERVICE_FEES, "0.00", MARKETPLACE_FEES, "5.00");
    }

    private static Map<String, Object> fundVariables(FixedPrice contract) {
        return Map.of("input", Map.of("contractId", contract.id(), "milestoneId", contract.milestone(1),
                "idempotencyKey", unique("fund")));
    }

    /** A GraphQL POST with the given Authorization header (none when null), bypassing the signed-in client. */
    private HttpResponse<String> post(String authorization, String document, Map<String, Object> variables) {
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(response.body()).doesNotContain("\"data\"");
    }

    private record FixedPrice(String id, List<String> milestoneIds) {

        String milestone(int position) {
            return milestoneIds.get(position - 1);
        }

        String escrowAccount() {
            return "escrow:" + id;
        }
    }
}
