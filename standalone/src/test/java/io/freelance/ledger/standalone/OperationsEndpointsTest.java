package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What operators rely on: health covering both stores, and Axon's metrics through Micrometer. */
class OperationsEndpointsTest extends StandaloneTestBase {

    @Test
    void healthIsOpenToProbesAndShowsBothStoresToSignedInUsers() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode status = JsonMapper.builder().build().readTree(anonymous.body());
        assertThat(status.path("status").asString()).isEqualTo("UP");
        assertThat(status.has("components")).as("no details for anonymous callers").isFalse();

        JsonNode detailed = JsonMapper.builder().build().readTree(get("/actuator/health", DemoUser.ERIN).body());
        assertThat(detailed.path("components").path("db").path("status").asString()).as("event store").isEqualTo("UP");
        assertThat(detailed.path("components").path("mongoReadModel").path("status").asString()).as("read models")
                .isEqualTo("UP");
    }

    @Test
    void axonCommandAndEventProcessorMetricsAreExported() throws Exception {
        // A command and its projection produce metrics with the message type as a tag.
        api.offerFixedPrice(DemoUser.ALICE, unique("metrics-offer"), DemoUser.CAROL.id(), "USD",
                List.of(LedgerApi.milestone("Design", "100.00", "USD"))).dataAt("offerFixedPriceContract.contract");

        eventually(() -> {
            String metrics = getUnchecked("/actuator/prometheus", DemoUser.ERIN).body();
            assertThat(metrics).contains("commandBus_successCounter_total{")
                    .contains("payloadType=\"OfferFixedPriceContractCommand\"")
                    .contains("eventProcessor_processedCounter_total{");
        });
        assertThat(get("/actuator/prometheus", null).statusCode()).as("metrics need a signed-in user").isEqualTo(401);
    }

    private HttpResponse<String> getUnchecked(String path, DemoUser user) {
        try {
            return get(path, user);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, DemoUser user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (user != null) {
            String credentials = user.id() + ":" + user.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
