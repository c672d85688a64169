package io.freelance.ledger.standalone;

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

/** Posts GraphQL documents over real HTTP with HTTP Basic credentials, as a frontend would. */
final class GraphQlHttpClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    GraphQlHttpClient(String baseUrl) {
        this.endpoint = URI.create(baseUrl + "/graphql");
    }

    Response as(String user, String password, String document, Map<String, Object> variables) {
        return as(user, password, document, variables, null);
    }

    /** As a frontend that names its request ({@code X-Request-Id}), so the events it causes can be traced to it. */
    Response as(String user, String password, String document, Map<String, Object> variables, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + credentials);
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        HttpRequest built = request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    record Response(int status, JsonNode body) {

        JsonNode data() {
            return body.path("data");
        }

        JsonNode errors() {
            return body.path("errors");
        }

        /** This response; fails with the whole response when the call was refused or had errors. */
        Response answered() {
            if (status != 200 || (!errors().isMissingNode() && !errors().isEmpty())) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            return this;
        }

        /** The data at a dotted path, failing with the whole response when the call had errors. */
        JsonNode dataAt(String dottedPath) {
            if (!errors().isMissingNode() && !errors().isEmpty()) {
                throw new AssertionError("GraphQL errors: " + errors());
            }
            JsonNode node = data();
            for (String step : dottedPath.split("\\.")) {
                node = step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
            }
            return node;
        }

        JsonNode firstError() {
            if (errors().isMissingNode() || errors().isEmpty()) {
                throw new AssertionError("Expected an error, got " + body);
            }
            return errors().get(0);
        }
    }
}
