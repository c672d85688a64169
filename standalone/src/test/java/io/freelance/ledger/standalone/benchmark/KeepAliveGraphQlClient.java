package io.freelance.ledger.standalone.benchmark;

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
 * Posts GraphQL over HTTP/1.1 with HTTP Basic, reusing its connections (keep-alive) as a frontend's
 * browser would, so a timing is the server's work and not a TCP handshake. Times only the exchange;
 * parsing the answer happens after the clock stops.
 */
final class KeepAliveGraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI endpoint;

    KeepAliveGraphQlClient(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    TimedAnswer post(BenchmarkUser user, String document, Map<String, Object> variables) {
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
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsedNanos = System.nanoTime() - started;
            return new TimedAnswer(elapsedNanos, response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** One answer and how long the exchange took. */
    record TimedAnswer(long elapsedNanos, int status, JsonNode body) {

        /** The data, failing with the whole answer when the call was refused or had errors. */
        JsonNode data() {
            JsonNode errors = body.path("errors");
            if (status != 200 || (!errors.isMissingNode() && !errors.isEmpty())) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            return body.path("data");
        }
    }
}
