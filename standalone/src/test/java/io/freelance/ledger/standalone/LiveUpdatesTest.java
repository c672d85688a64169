package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL subscriptions over a real WebSocket (graphql-ws) on {@code /graphql}: a connection signs in with
 * its {@code connection_init} (or a signed-in upgrade) or is closed with 4401; a party watching a contract
 * receives what the other party changes over HTTP; anyone else is refused, with the API's classified error,
 * and gets no stream; subscription documents obey the request limits.
 */
class LiveUpdatesTest extends StandaloneTestBase {

    static final String CONTRACT_CHANGED = """
            subscription($contractId: ID!) {
              contractChanged(contractId: $contractId) { id status escrow { status currentEscrowAmount { amount currency } } }
            }""";
    private static final int UNAUTHORIZED_CLOSE = 4401;

    @Test
    void aPartyWatchingAContractReceivesWhatTheOtherPartyChangesOverHttp() {
        String contractId = offeredContract();
        try (GraphQlWsClient alice = GraphQlWsClient.open(port).signIn(ALICE)) {
            alice.subscribe("watch", CONTRACT_CHANGED, Map.of("contractId", contractId));
            JsonNode asSubscribed = contractIn(alice.nextMessageOf("watch"));
            assertThat(asSubscribed.path("status").asString()).isEqualTo("OFFERED");
            assertThat(asSubscribed.path("escrow").isNull()).isTrue();

            api.accept(CAROL, contractId).answered();

            JsonNode accepted = nextContractWhere(alice, view -> "OPEN".equals(view.path("escrow").path("status").asString(null)));
            assertThat(accepted.path("status").asString()).isEqualTo("ACTIVE");
            assertThat(accepted.path("id").asString()).isEqualTo(contractId);
        }
    }

    @Test
    void theFreelancerSeesTheEscrowFilledWhenTheClientFundsAMilestone() {
        String contractId = offeredContract();
        api.accept(CAROL, contractId).answered();
        String milestoneId = api.contract(ALICE, contractId).dataAt("contract.milestones").get(0).path("id").asString();
        try (GraphQlWsClient carol = GraphQlWsClient.open(port).signIn(CAROL)) {
            carol.subscribe("watch", CONTRACT_CHANGED, Map.of("contractId", contractId));
            assertThat(contractIn(carol.nextMessageOf("watch")).path("escrow").path("currentEscrowAmount").path("amount").asString())
                    .isEqualTo("0.00");

            api.fund(ALICE, contractId, milestoneId, unique("fund")).answered();

            nextContractWhere(carol, view -> "100.00".equals(view.path("escrow").path("currentEscrowAmount").path("amount").asString(null)));
        }
    }

    @Test
    void aConnectionWhoseConnectionInitCarriesNoCredentialsIsClosedUnauthorized() {
        try (GraphQlWsClient anonymous = GraphQlWsClient.open(port)) {
            anonymous.init(Map.of());

            assertThat(anonymous.awaitCloseCode()).isEqualTo(UNAUTHORIZED_CLOSE);
        }
    }

    @Test
    void aWrongPasswordInConnectionInitIsClosedUnauthorized() {
        try (GraphQlWsClient impostor = GraphQlWsClient.open(port)) {
            impostor.init(Map.of("Authorization", GraphQlWsClient.basic(ALICE.id(), "not-her-password")));

            assertThat(impostor.awaitCloseCode()).isEqualTo(UNAUTHORIZED_CLOSE);
        }
    }

    @Test
    void aBearerTokenInBasicModeIsClosedUnauthorized() {
        try (GraphQlWsClient wrongScheme = GraphQlWsClient.open(port)) {
            wrongScheme.init(Map.of("Authorization", "Bearer some.token.value"));

            assertThat(wrongScheme.awaitCloseCode()).isEqualTo(UNAUTHORIZED_CLOSE);
        }
    }

    @Test
    void aSubscriptionSentBeforeSigningInIsClosedUnauthorizedAndRunsNothing() {
        String contractId = offeredContract();
        try (GraphQlWsClient anonymous = GraphQlWsClient.open(port)) {
            anonymous.subscribe("watch", CONTRACT_CHANGED, Map.of("contractId", contractId));

            assertThat(anonymous.awaitCloseCode()).isEqualTo(UNAUTHORIZED_CLOSE);
        }
    }

    @Test
    void anUpgradeSignedInWithBasicCredentialsNeedsNoneInConnectionInit() {
        String contractId = offeredContract();
        try (GraphQlWsClient alice = GraphQlWsClient.openSignedIn(port, ALICE)) {
            alice.init(Map.of());
            assertThat(alice.nextMessage().path("type").asString()).isEqualTo("connection_ack");
            alice.subscribe("watch", CONTRACT_CHANGED, Map.of("contractId", contractId));

            assertThat(contractIn(alice.nextMessageOf("watch")).path("id").asString()).isEqualTo(contractId);
        }
    }

    @Test
    void anUpgradeWithAWrongPasswordIsRefusedBeforeAnyWebSocketOpens() {
        assertThatThrownBy(() -> GraphQlWsClient.openWithUpgradeCredentials(port, ALICE.id(), "not-her-password"))
                .rootCause().hasMessageContaining("status code 401");
    }

    @Test
    void anOrdinaryGetOfTheGraphQlPathStillNeedsASignIn() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql?query=%7Bme%7Bid%7D%7D")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void someoneWhoIsNoPartyIsRefusedTheSubscriptionWithAClassifiedErrorAndNoStream() {
        String contractId = offeredContract();
        try (GraphQlWsClient bob = GraphQlWsClient.open(port).signIn(BOB)) {
            bob.subscribe("watch", CONTRACT_CHANGED, Map.of("contractId", contractId));

            JsonNode refusal = bob.nextMessageOf("watch");
            assertThat(refusal.path("type").asString()).as("graphql-ws ends a refused subscription with an error message")
                    .isEqualTo("error");
            JsonNode error = errorsOf(refusal).get(0);
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("NOT_FOUND");
            assertThat(error.path("extensions").path("field").asString()).isEqualTo("contractId");
            assertThat(error.path("extensions").path("rule").asString()).isEqualTo("contract.not-found");
            assertThat(error.path("message").asString()).contains(contractId).doesNotContain("Exception");

            api.accept(CAROL, contractId).answered();
            assertThat(bob.staysQuietFor(Duration.ofSeconds(1))).as("bob receives nothing of the accepted contract").isTrue();
        }
    }

    @Test
    void aSubscriptionDocumentIsHeldToTheRequestLimits() {
        String contractId = offeredContract();
        String aliases = IntStream.rangeClosed(1, 31).mapToObj(n -> "a" + n + ": id").collect(Collectors.joining(" "));
        try (GraphQlWsClient alice = GraphQlWsClient.open(port).signIn(ALICE)) {
            alice.subscribe("greedy", "subscription($contractId: ID!) { contractChanged(contractId: $contractId) { %s } }"
                    .formatted(aliases), Map.of("contractId", contractId));

            JsonNode error = errorsOf(alice.nextMessageOf("greedy")).get(0);
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
            assertThat(error.path("extensions").path("rule").asString()).isEqualTo("query.aliases");
        }
    }

    private String offeredContract() {
        return api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD", List.of(milestone("Design", "100.00", "USD")))
                .dataAt("offerFixedPriceContract.contract.id").asString();
    }

    /** The contract of a {@code next} message. */
    static JsonNode contractIn(JsonNode message) {
        assertThat(message.path("type").asString()).as("message %s", message).isEqualTo("next");
        assertThat(message.path("payload").path("errors").isMissingNode()).as("errors in %s", message).isTrue();
        return message.path("payload").path("data").path("contractChanged");
    }

    /** The errors of a {@code next} (a refused subscription's answer) or an {@code error} message. */
    static JsonNode errorsOf(JsonNode message) {
        JsonNode errors = "error".equals(message.path("type").asString()) ? message.path("payload") : message.path("payload").path("errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as("errors in %s", message).isTrue();
        return errors;
    }

    /** Views arrive once per read-model update; the first that matches, within the client's wait. */
    private static JsonNode nextContractWhere(GraphQlWsClient client, java.util.function.Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode view = contractIn(client.nextMessageOf("watch"));
            if (wanted.test(view)) {
                return view;
            }
        }
    }
}
