package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.query.contract.ContractProjection;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A projection that fails on an event, through the real service: the event is parked, shows in health,
 * in the {@code ledger.deadletters} gauge and in the finance team's {@code deadLetters} query, and is
 * applied by a retry (on request, or by the schedule once its back-off has passed), after which the read
 * model shows it. The failure comes from a handler this test adds to the contract projection's processing
 * group, ahead of the projection's own: it refuses the acceptance of the contracts the test names, for as
 * long as it names them. Its own service and data directory (the extra handler changes the context), closed
 * once the class is done so it does not keep running beside the shared one.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DeadLetterRecoveryTest {

    private static final String DATA_DIR =
            Path.of("target", "test-data", "dead-letters-" + UUID.randomUUID()).toAbsolutePath().toString();
    private static final String GROUP = ContractProjection.PROCESSING_GROUP;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern GAUGE = Pattern.compile("^ledger_deadletters\\{[^}]*group=\"" + GROUP + "\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);
    private static final String DEAD_LETTERS = """
            query($group: String, $first: Int, $after: String) {
              deadLetters(processingGroup: $group, first: $first, after: $after) {
                edges { cursor node { processingGroup sequenceIdentifier eventId eventType aggregateId aggregateSequence
                                      parkedAt lastTriedAt attempts cause { type message } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String RETRY = """
            mutation($input: RetryDeadLetterSequenceInput!) {
              retryDeadLetterSequence(input: $input) {
                processingGroup sequenceIdentifier processed remaining
                deadLetter { attempts lastTriedAt cause { type message } }
              }
            }""";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> DATA_DIR);
        // A refused acceptance leaves the mutation waiting for a read model that does not change: keep that short.
        registry.add("ledger.api.catch-up-timeout", () -> "PT0.5S");
        registry.add("ledger.dead-letters.retry.interval", () -> "PT0.2S");
        registry.add("ledger.dead-letters.retry.initial-delay", () -> "PT2S");
        registry.add("ledger.dead-letters.retry.max-delay", () -> "PT4S");
        registry.add("ledger.dead-letters.health.warning-threshold", () -> "1");
    }

    @TestConfiguration
    static class FailingProjectionConfiguration {

        @Bean
        FailingAcceptances failingAcceptances() {
            return new FailingAcceptances();
        }
    }

    /** First in the contract projection's group, so a refused event changes nothing before it is parked. */
    @ProcessingGroup(ContractProjection.PROCESSING_GROUP)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class FailingAcceptances {

        private final Set<String> refused = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(ContractAcceptedEvent event) {
            if (refused.contains(event.contractId())) {
                throw new IllegalStateException("The read store refused contract " + event.contractId() + " (test failure)");
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    FailingAcceptances failingAcceptances;

    private LedgerApi api;

    @BeforeEach
    void connect() {
        api = new LedgerApi("http://127.0.0.1:" + port);
    }

    @Test
    void aParkedEventIsVisibleToFinanceOnlyAndARetryOnRequestAppliesIt() throws Exception {
        String first = offerHourly();
        String second = offerHourly();
        failingAcceptances.refused.add(first);
        failingAcceptances.refused.add(second);
        accept(first);
        accept(second);

        // Health: two parked events, one more than the threshold of 1, so WARNING, with the counts for signed-in users.
        eventually(() -> assertThat(deadLettersHealth().path("details").path("groups").path(GROUP).asLong()).isEqualTo(2));
        JsonNode health = deadLettersHealth();
        assertThat(health.path("status").asString()).isEqualTo("WARNING");
        assertThat(health.path("details").path("total").asLong()).isEqualTo(2);
        assertThat(health.path("details").path("groups").has("ledger-projection")).isTrue();
        JsonNode anonymous = JSON.readTree(get("/actuator/health", null).body());
        assertThat(anonymous.path("status").asString()).as("the overall status").isEqualTo("WARNING");
        assertThat(anonymous.has("components")).as("no details for anonymous callers").isFalse();
        assertThat(gauge()).isEqualTo(2.0);

        // The read model lacks the acceptances.
        assertThat(status(first)).isEqualTo("OFFERED");
        assertThat(status(second)).isEqualTo("OFFERED");

        // Finance lists them, a page at a time.
        JsonNode page = api.call(DemoUser.ERIN, DEAD_LETTERS, variables(GROUP, 1, null)).dataAt("deadLetters");
        assertThat(page.path("edges")).hasSize(1);
        assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode next = api.call(DemoUser.ERIN, DEAD_LETTERS, variables(GROUP, 1, page.path("pageInfo").path("endCursor").asString()))
                .dataAt("deadLetters");
        assertThat(next.path("edges")).hasSize(1);
        assertThat(next.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        Map<String, JsonNode> listed = new HashMap<>();
        for (JsonNode edge : new JsonNode[] {page.path("edges").get(0), next.path("edges").get(0)}) {
            listed.put(edge.path("node").path("sequenceIdentifier").asString(), edge.path("node"));
        }
        assertThat(listed).containsOnlyKeys(first, second);
        JsonNode letter = listed.get(first);
        assertThat(letter.path("processingGroup").asString()).isEqualTo(GROUP);
        assertThat(letter.path("eventType").asString()).isEqualTo("ContractAcceptedEvent");
        assertThat(letter.path("aggregateId").asString()).isEqualTo(first);
        assertThat(letter.path("aggregateSequence").asInt()).as("the offer is 0, the acceptance 1").isEqualTo(1);
        assertThat(letter.path("eventId").asString()).isNotBlank();
        assertThat(letter.path("parkedAt").asString()).isNotBlank();
        assertThat(letter.path("lastTriedAt").asString()).isNotBlank();
        assertThat(letter.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(letter.path("cause").path("type").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.path("cause").path("message").asString())
                .isEqualTo("The read store refused contract " + first + " (test failure)");
        assertThat(api.call(DemoUser.ERIN, DEAD_LETTERS, variables("ledger-projection", 20, null))
                .dataAt("deadLetters.edges")).isEmpty();

        // Nobody else may see or retry them.
        for (DemoUser other : new DemoUser[] {DemoUser.ALICE, DemoUser.CAROL, DemoUser.FRANK}) {
            assertForbidden(api.call(other, DEAD_LETTERS, variables(GROUP, 20, null)));
            assertForbidden(api.call(other, RETRY, retryInput(first)));
        }

        // A retry on request while the failure persists: parked again, one attempt more, the cause as it is now.
        int attemptsBefore = attemptsOf(first);
        JsonNode failedRetry = api.call(DemoUser.ERIN, RETRY, retryInput(first)).dataAt("retryDeadLetterSequence");
        assertThat(failedRetry.path("processed").asBoolean()).isFalse();
        assertThat(failedRetry.path("remaining").asInt()).isEqualTo(1);
        assertThat(failedRetry.path("deadLetter").path("attempts").asInt()).isGreaterThan(attemptsBefore);
        assertThat(failedRetry.path("deadLetter").path("cause").path("type").asString())
                .isEqualTo(IllegalStateException.class.getName());

        // Once the cause is gone, a retry on request applies it: the read model shows the acceptance.
        // (The schedule waits at least 2 s after the failed retry above, so this request is the one that applies it.)
        failingAcceptances.refused.remove(first);
        JsonNode retried = api.call(DemoUser.ERIN, RETRY, retryInput(first)).dataAt("retryDeadLetterSequence");
        assertThat(retried.path("processed").asBoolean()).isTrue();
        assertThat(retried.path("remaining").asInt()).isZero();
        assertThat(retried.path("deadLetter").isNull()).isTrue();
        assertThat(status(first)).isEqualTo("ACTIVE");

        // One left: within the threshold, so UP, still with its count.
        JsonNode oneLeft = deadLettersHealth();
        assertThat(oneLeft.path("status").asString()).isEqualTo("UP");
        assertThat(oneLeft.path("details").path("groups").path(GROUP).asLong()).isEqualTo(1);
        assertThat(gauge()).isEqualTo(1.0);

        // The sequence flows again: the contract's next event is applied straight away, not parked.
        JsonNode ended = api.end(DemoUser.ALICE, first).answered().data().path("endContract");
        assertThat(ended.path("pending").asBoolean()).isFalse();
        assertThat(ended.path("contract").path("status").asString()).isEqualTo("ENDED");

        // The same request again finds nothing parked for that contract.
        JsonNode gone = api.call(DemoUser.ERIN, RETRY, retryInput(first)).firstError();
        assertThat(gone.path("extensions").path("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(gone.path("extensions").path("rule").asString()).isEqualTo("sequenceIdentifier.not-found");

        failingAcceptances.refused.remove(second);
        eventually(() -> assertThat(status(second)).isEqualTo("ACTIVE"));
        eventually(() -> assertThat(deadLettersHealth().path("details").path("total").asLong()).isZero());
    }

    @Test
    void theScheduleRetriesAParkedEventUntilItApplies() throws Exception {
        String contract = offerHourly();
        failingAcceptances.refused.add(contract);
        accept(contract);

        // Parked, then retried by the schedule alone (nobody asks): each failed retry counts one more attempt.
        eventually(() -> assertThat(attemptsOf(contract)).isGreaterThanOrEqualTo(2));
        assertThat(status(contract)).isEqualTo("OFFERED");

        failingAcceptances.refused.remove(contract);
        eventually(() -> assertThat(status(contract)).isEqualTo("ACTIVE"));
        eventually(() -> {
            assertThat(api.call(DemoUser.ERIN, DEAD_LETTERS, variables(GROUP, 20, null)).dataAt("deadLetters.edges")).isEmpty();
            assertThat(gauge()).isZero();
        });
        assertThat(deadLettersHealth().path("status").asString()).isEqualTo("UP");
    }

    private String offerHourly() {
        Response offered = api.call(DemoUser.ALICE, """
                mutation($input: OfferHourlyContractInput!) {
                  offerHourlyContract(input: $input) { contractId pending contract { status } }
                }""", Map.of("input", Map.of("idempotencyKey", "dead-letter-" + UUID.randomUUID(), "freelancerId",
                DemoUser.CAROL.id(), "title", "Support", "hourlyRate", LedgerApi.money("40.00", "USD"))));
        JsonNode answer = offered.dataAt("offerHourlyContract");
        assertThat(answer.path("contract").path("status").asString()).isEqualTo("OFFERED");
        return answer.path("contractId").asString();
    }

    /** Carol accepts; the command succeeds whatever the projection does with the event. */
    private void accept(String contractId) {
        api.accept(DemoUser.CAROL, contractId).answered();
    }

    private String status(String contractId) {
        return api.contract(DemoUser.ALICE, contractId).dataAt("contract.status").asString();
    }

    private int attemptsOf(String contractId) {
        for (JsonNode edge : api.call(DemoUser.ERIN, DEAD_LETTERS, variables(GROUP, 100, null)).dataAt("deadLetters.edges")) {
            if (edge.path("node").path("sequenceIdentifier").asString().equals(contractId)) {
                return edge.path("node").path("attempts").asInt();
            }
        }
        return 0;
    }

    private static Map<String, Object> variables(String group, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("group", group);
        variables.put("first", first);
        variables.put("after", after);
        return variables;
    }

    private static Map<String, Object> retryInput(String contractId) {
        return Map.of("input", Map.of("processingGroup", GROUP, "sequenceIdentifier", contractId));
    }

    private static void assertForbidden(Response response) {
        JsonNode error = response.firstError();
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(error.path("extensions").path("rule").asString()).isEqualTo("role.finance");
        assertThat(response.data().isNull() || response.data().isMissingNode()).as("no data in %s", response.body()).isTrue();
    }

    private JsonNode deadLettersHealth() {
        try {
            return JSON.readTree(get("/actuator/health", DemoUser.ERIN).body()).path("components").path("deadLetters");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code ledger.deadletters} gauge of the contract projection, as Prometheus scrapes it. */
    private double gauge() {
        String metrics;
        try {
            metrics = get("/actuator/prometheus", DemoUser.ERIN).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        Matcher value = GAUGE.matcher(metrics);
        assertThat(value.find()).as("ledger_deadletters for %s in the scrape", GROUP).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private HttpResponse<String> get(String path, DemoUser user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (user != null) {
            String credentials = user.id() + ":" + user.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A generous bound against hangs, not a timing requirement. */
    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }
}
