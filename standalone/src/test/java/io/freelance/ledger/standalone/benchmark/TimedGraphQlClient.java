package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DemoUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One frontend's HTTP connection to the GraphQL endpoint, timed from sending a request to having
 * parsed its answer. HTTP/1.1 with keep-alive: java.net.http keeps idle connections in a pool and
 * sends the next request on one of them (asking for HTTP/2 on cleartext would add an upgrade attempt
 * the service declines). The benchmark counts connections to check the reuse really happens.
 */
final class TimedGraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    record Reply(int status, JsonNode body, long latencyNanos, String failure) {

        /** HTTP 200, data, and no GraphQL errors. */
        boolean answered() {
            return failure == null && status == 200 && body != null && body.path("errors").isEmpty()
                    && !body.path("data").isMissingNode() && !body.path("data").isNull();
        }

        JsonNode data() {
            return body == null ? JSON.missingNode() : body.path("data");
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI endpoint;

    TimedGraphQlClient(String baseUrl) {
        this.endpoint = URI.create(baseUrl + "/graphql");
    }

    Reply post(DemoUser user, String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, System.nanoTime() - started, null);
        } catch (IOException | RuntimeException e) {
            return new Reply(0, null, System.nanoTime() - started, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, System.nanoTime() - started, "interrupted");
        }
    }

    /**
     * Raw bytes to another endpoint beside {@code /graphql} (a screenshot upload), timed the same way; the answer's
     * body is parsed as JSON when it is JSON. {@link Reply#answered()} does not apply: check the status.
     */
    Reply postBytes(DemoUser user, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .header("Authorization", basic(user))
                .POST(body)
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Reply(response.statusCode(), json ? JSON.readTree(response.body()) : null, System.nanoTime() - started,
                    null);
        } catch (IOException | RuntimeException e) {
            return new Reply(0, null, System.nanoTime() - started, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, System.nanoTime() - started, "interrupted");
        }
    }

    /** Any signed-in user may read the actuator's metrics. */
    JsonNode getJson(DemoUser user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(REQUEST_TIMEOUT).header("Authorization", basic(user)).GET().build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String basic(DemoUser user) {
        String credentials = user.id() + ":" + user.password();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
