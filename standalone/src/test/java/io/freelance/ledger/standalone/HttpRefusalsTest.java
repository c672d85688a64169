package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests HTTP refuses before GraphQL reads them answer in the API's error shape, with a rule and a sentence
 * that says how to send the request, and store nothing. Before, they got Spring's
 * {@code {"timestamp","status","error","path"}}, or an empty body.
 */
class HttpRefusalsTest extends StandaloneTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNREADABLE = "request.unreadable";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void bodiesThatAreNotAJsonRequestAreRefusedAsUnreadable() throws Exception {
        String deeplyNested = "[".repeat(5_000) + "]".repeat(5_000);
        assertRefused(post("{\"query\":\"{ me { id } }\"", "application/json"), 400, UNREADABLE);
        assertRefused(post("", "application/json"), 400, UNREADABLE);
        assertRefused(post("{\"query\":\"{ me { id } }\"} trailing", "application/json"), 400, UNREADABLE);
        assertRefused(post("{\"query\":null}", "application/json"), 400, UNREADABLE);
        assertRefused(post("{\"query\":\"{ me { id } }\",\"variables\":[1,2]}", "application/json"), 400, UNREADABLE);
        assertRefused(post("{\"query\":\"{ me { id } }\",\"variables\":{\"x\":" + deeplyNested + "}}", "application/json"),
                400, UNREADABLE);
        assertRefused(post("{\"query\":\"{ me { id } }\",\"variables\":{\"x\":" + "9".repeat(5_000) + "}}", "application/json"),
                400, UNREADABLE);
    }

    @Test
    void aBodyOfAnotherTypeIsRefusedNamingTheContentType() throws Exception {
        assertRefused(post("{\"query\":\"{ me { id } }\"}", "text/plain"), 415, "request.content-type");
        assertRefused(post("query=%7B+me+%7B+id+%7D+%7D", "application/x-www-form-urlencoded"), 415, "request.content-type");
    }

    @Test
    void otherMethodsAreRefusedNamingPost() throws Exception {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            HttpResponse<String> answer = send(request().method(method, HttpRequest.BodyPublishers.noBody()));
            assertRefused(answer, 405, "request.method");
            assertThat(answer.headers().firstValue("Allow")).contains("POST");
        }
    }

    @Test
    void anAnswerGraphQlWroteItselfIsLeftAsItIs() throws Exception {
        HttpResponse<String> answer = send(request().header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id \"}")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("extensions").path("rule").asString())
                .isEqualTo("graphql.request");
    }

    private void assertRefused(HttpResponse<String> answer, int status, String rule) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode errors = JSON.readTree(answer.body()).path("errors");
        assertThat(errors.size()).as(answer.body()).isEqualTo(1);
        JsonNode error = errors.get(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("rule").asString()).isEqualTo(rule);
        assertThat(error.path("message").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("java.");
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        long eventsBefore = storedEventCount();
        HttpResponse<String> answer = send(request().header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
        return answer;
    }

    private HttpRequest.Builder request() {
        String credentials = Base64.getEncoder().encodeToString("alice:alice-pass".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", "Basic " + credentials);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
