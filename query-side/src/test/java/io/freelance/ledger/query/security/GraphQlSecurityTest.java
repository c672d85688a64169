package io.freelance.ledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.query.testsupport.GraphQlApiTestBase;
import io.freelance.ledger.query.testsupport.GraphQlHttp.Reply;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** alice (client) and carol (freelancer) share a contract; bob and dave are another client and freelancer. */
class GraphQlSecurityTest extends GraphQlApiTestBase {

    private static final String CONTRACT = "contract-1";
    private static final String CONTRACT_QUERY = "query($id: ID!) { contract(id: $id) { id title client { id } freelancer { id } } }";
    private static final String CONTRACTS_QUERY = "{ contracts { edges { node { id } } pageInfo { hasNextPage } } }";

    @BeforeEach
    void seed() {
        seeds.activeAndFunded(CONTRACT, "alice", "carol", Instant.parse("2025-03-03T10:00:00Z"));
    }

    @Test
    void aCallerWithoutCredentialsIsRefused() {
        assertThat(graphQl.post(null, "{ me { id } }").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(graphQl.post("alice", "alice-pass", null, "{ me { id } }", Map.of()).status()).isEqualTo(200);
        assertThat(graphQl.post("alice", "bob-pass", null, "{ me { id } }", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void graphiqlNeedsASignedInUserToo() {
        assertThat(graphQl.get(null, "/graphiql").status()).isEqualTo(401);
        assertThat(graphQl.get("alice", "/graphiql").status()).as("the page or its redirect").isLessThan(400);
    }

    @Test
    void theHealthCheckIsOpenAndPingsMongo() {
        Reply health = graphQl.get(null, "/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("mongoReadModel").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void meIsTheSignedInUserAndRole() {
        JsonNode me = graphQl.post("carol", "{ me { id role } }").data().path("me");

        assertThat(me.path("id").asString()).isEqualTo("carol");
        assertThat(me.path("role").asString()).isEqualTo("FREELANCER");
    }

    @Test
    void thePartiesSeeTheirContract() {
        for (String party : new String[] {"alice", "carol"}) {
            JsonNode contract = graphQl.post(party, CONTRACT_QUERY, Map.of("id", CONTRACT)).data().path("contract");
            assertThat(contract.path("id").asString()).isEqualTo(CONTRACT);
            assertThat(contract.path("client").path("id").asString()).isEqualTo("alice");
            assertThat(contract.path("freelancer").path("id").asString()).isEqualTo("carol");

            JsonNode edges = graphQl.post(party, CONTRACTS_QUERY).data().path("contracts").path("edges");
            assertThat(edges).hasSize(1);
        }
    }

    @Test
    void anotherClientAndAnotherFreelancerSeeNothingOfIt() {
        for (String outsider : new String[] {"bob", "dave"}) {
            Reply reply = graphQl.post(outsider, CONTRACT_QUERY, Map.of("id", CONTRACT));
            assertThat(reply.data().path("contract").isNull()).isTrue();
            assertThat(reply.firstErrorExtensions().path("classification").asString()).isEqualTo("NOT_FOUND");
            assertThat(reply.firstErrorExtensions().path("field").asString()).isEqualTo("id");
            assertThat(reply.errors().path(0).path("message").asString()).doesNotContain("alice").doesNotContain("Website");

            assertThat(graphQl.post(outsider, CONTRACTS_QUERY).data().path("contracts").path("edges")).isEmpty();
        }
    }

    @Test
    void anUnknownIdLooksTheSameAsSomeoneElsesContract() {
        Reply unknown = graphQl.post("bob", CONTRACT_QUERY, Map.of("id", "no-such-contract"));

        assertThat(unknown.firstErrorExtensions().path("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(unknown.firstErrorExtensions().path("rule").asString()).isEqualTo("contract.not-found");
    }

    @Test
    void aDisputeHandlerMayReadAnyContract() {
        JsonNode contract = graphQl.post("frank", CONTRACT_QUERY, Map.of("id", CONTRACT)).data().path("contract");

        assertThat(contract.path("id").asString()).isEqualTo(CONTRACT);
    }

    @Test
    void financeSeesTheTrialBalanceAndClientsDoNot() {
        String query = "{ trialBalance(currency: \"USD\") { total { amount currency } balanced accountCount accounts { account balance { amount } } } }";

        JsonNode trialBalance = graphQl.post("erin", query).data().path("trialBalance");
        assertThat(trialBalance.path("total").path("amount").asString()).isEqualTo("0.00");
        assertThat(trialBalance.path("balanced").asBoolean()).isTrue();
        assertThat(trialBalance.path("accountCount").asInt()).isEqualTo(3);

        Reply client = graphQl.post("alice", query);
        assertThat(client.data().isNull()).isTrue();
        assertThat(client.firstErrorExtensions().path("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(client.firstErrorExtensions().path("rule").asString()).isEqualTo("role.finance");
    }

    @Test
    void usersListOnlyTheirOwnAccountsAndFinanceListsAll() {
        String query = "{ ledgerAccounts { account currency balance { amount currency } } }";

        JsonNode alices = graphQl.post("alice", query).data().path("ledgerAccounts");
        assertThat(alices).hasSize(1);
        assertThat(alices.path(0).path("account").asString()).isEqualTo(LedgerAccounts.clientCharges("alice").name());
        assertThat(alices.path(0).path("balance").path("amount").asString()).isEqualTo("-525.00");

        assertThat(graphQl.post("bob", query).data().path("ledgerAccounts")).isEmpty();
        assertThat(graphQl.post("erin", query).data().path("ledgerAccounts")).hasSize(3);
    }

    @Test
    void anEscrowAccountIsReadableByTheContractsPartiesOnly() {
        String query = "query($account: String!) { ledgerAccount(account: $account, currency: \"USD\") "
                + "{ balance { amount } statement { edges { node { entryId amount { amount } balanceAfter { amount } cause { kind contractId } } } } } }";
        Map<String, Object> escrow = Map.of("account", LedgerAccounts.escrow(CONTRACT).name());

        JsonNode account = graphQl.post("carol", query, escrow).data().path("ledgerAccount");
        assertThat(account.path("balance").path("amount").asString()).isEqualTo("500.00");
        JsonNode posting = account.path("statement").path("edges").path(0).path("node");
        assertThat(posting.path("balanceAfter").path("amount").asString()).isEqualTo("500.00");
        assertThat(posting.path("cause").path("contractId").asString()).isEqualTo(CONTRACT);

        Reply outsider = graphQl.post("dave", query, escrow);
        assertThat(outsider.data().path("ledgerAccount").isNull()).isTrue();
        assertThat(outsider.firstErrorExtensions().path("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(outsider.firstErrorExtensions().path("field").asString()).isEqualTo("account");

        Reply someoneElsesAccount = graphQl.post("bob", query, Map.of("account", LedgerAccounts.clientCharges("alice").name()));
        assertThat(someoneElsesAccount.firstErrorExtensions().path("classification").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aNameOutsideTheChartOfAccountsIsRefusedAsABadRequestForEveryone() {
        String query = "query($account: String!) { ledgerAccount(account: $account, currency: \"USD\") { balance { amount } } }";

        for (String caller : new String[] {"alice", "erin"}) {
            Reply reply = graphQl.post(caller, query, Map.of("account", "client:alice"));
            assertThat(reply.data().path("ledgerAccount").isNull()).isTrue();
            assertThat(reply.firstErrorExtensions().path("classification").asString()).isEqualTo("BAD_REQUEST");
            assertThat(reply.firstErrorExtensions().path("field").asString()).isEqualTo("account");
            assertThat(reply.firstErrorExtensions().path("rule").asString()).isEqualTo("account.unknown");
        }
    }
}
