package io.freelance.ledger.standalone.tracker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two doors of the service a tracker uses: {@code POST /graphql} and {@code POST /screenshots}. One
 * HTTP/1.1 client for the whole run, so connections are kept alive and shared by the trackers.
 */
final class LedgerHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI baseUrl;

    LedgerHttp(URI baseUrl) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** A GraphQL answer: its data, or the first error's classification and rule. */
    Answer graphql(Credentials caller, String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest request = request("/graphql", caller).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return send(request).map(this::graphqlAnswer);
    }

    /** An upload's answer: {@code screenshotId} and the rest on 200 or 201, the refusal otherwise. */
    Answer upload(Credentials freelancer, byte[] png) {
        HttpRequest request = request("/screenshots", freelancer).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build();
        return send(request).map(this::uploadAnswer);
    }

    private HttpRequest.Builder request(String path, Credentials caller) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", caller.basicAuthorization());
    }

    private Sent send(HttpRequest request) {
        try {
            return new Sent(http.send(request, HttpResponse.BodyHandlers.ofString()), null);
        } catch (IOException e) {
            return new Sent(null, new Refusal("TRANSPORT", null, request.uri() + ": " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(null, new Refusal("TRANSPORT", null, "interrupted"));
        }
    }

    private Answer graphqlAnswer(HttpResponse<String> response) {
        Optional<JsonNode> json = parsed(response.body());
        if (json.isEmpty()) {
            return Answer.refused(new Refusal("HTTP " + response.statusCode(), null, response.body()));
        }
        JsonNode errors = json.get().path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            JsonNode extensions = first.path("extensions");
            return Answer.refused(new Refusal(extensions.path("classification").asString("UNCLASSIFIED"),
                    extensions.path("rule").asString(null), first.path("message").asString()));
        }
        if (response.statusCode() != 200) {
            return Answer.refused(new Refusal("HTTP " + response.statusCode(), null, response.body()));
        }
        return Answer.answered(json.get().path("data"));
    }

    private Answer uploadAnswer(HttpResponse<String> response) {
        Optional<JsonNode> json = parsed(response.body());
        if ((response.statusCode() == 200 || response.statusCode() == 201) && json.isPresent()) {
            return Answer.answered(json.get());
        }
        JsonNode refusal = json.orElse(JSON.createObjectNode());
        return Answer.refused(new Refusal(refusal.path("classification").asString("HTTP " + response.statusCode()),
                refusal.path("rule").asString(null), refusal.path("message").asString(response.body())));
    }

    private static Optional<JsonNode> parsed(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    private record Sent(HttpResponse<String> response, Refusal failure) {

        Answer map(java.util.function.Function<HttpResponse<String>, Answer> reading) {
            return failure != null ? Answer.refused(failure) : reading.apply(response);
        }
    }

    /** Either data or a refusal. */
    record Answer(JsonNode data, Refusal refusal) {

        static Answer answered(JsonNode data) {
            return new Answer(data, null);
        }

        static Answer refused(Refusal refusal) {
            return new Answer(null, refusal);
        }

        boolean ok() {
            return refusal == null;
        }

        /** The data, or a {@link TrackerSetupException} naming what was refused. */
        JsonNode required(String what) {
            if (!ok()) {
                throw new TrackerSetupException(what + " was refused: " + refusal.key() + ": " + refusal.message());
            }
            return data;
        }
    }
}
