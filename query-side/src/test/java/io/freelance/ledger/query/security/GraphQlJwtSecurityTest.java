package io.freelance.ledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jwt.PlainJWT;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.query.testsupport.GraphQlTestApplication;
import io.freelance.ledger.query.testsupport.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ledger.security.mode=jwt} with real signed tokens. The service trusts a test identity
 * provider through {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, the setting docker
 * compose gives it: it reads the provider's discovery document and JWK set over HTTP, checks each
 * token's RS256 signature, expiry and issuer. The subject is the user; {@code ledger_role} the role.
 */
@SpringBootTest(classes = GraphQlTestApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.banner-mode=off", "ledger.security.mode=jwt"})
class GraphQlJwtSecurityTest {

    private static final TestIdentityProvider IDENTITY_PROVIDER = new TestIdentityProvider();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void trustTheTestIdentityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDENTITY_PROVIDER::issuerUri);
    }

    @AfterAll
    static void stopTheIdentityProvider() {
        IDENTITY_PROVIDER.close();
    }

    @LocalServerPort
    private int port;

    @Autowired
    private UserDirectory users;

    @Autowired
    private MongoDatabase readModelDatabase;

    @Autowired
    private CommandGateway commandGateway;

    @Test
    void theSubjectIsTheUserAndTheClaimTheRole() throws Exception {
        HttpResponse<String> response = me(bearer(IDENTITY_PROVIDER.token("carol", "FREELANCER")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body()).path("data").path("me");
        assertThat(me.path("id").asString()).isEqualTo("carol");
        assertThat(me.path("role").asString()).isEqualTo("FREELANCER");
    }

    @Test
    void aRoleListCountsItsFirstRoleThatCanBeGranted() throws Exception {
        HttpResponse<String> response = me(bearer(IDENTITY_PROVIDER.token("erin", List.of("SYSTEM", "finance", "CLIENT"))));

        JsonNode me = JSON.readTree(response.body()).path("data").path("me");
        assertThat(me.path("id").asString()).isEqualTo("erin");
        assertThat(me.path("role").asString()).isEqualTo("FINANCE");
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws Exception {
        // Beyond the decoder's one minute of allowed clock skew.
        Instant expiredAt = Instant.now().minus(Duration.ofMinutes(5));
        String expired = IDENTITY_PROVIDER.sign(IDENTITY_PROVIDER.claims("carol", "FREELANCER")
                .issueTime(Date.from(expiredAt.minus(Duration.ofMinutes(10))))
                .notBeforeTime(Date.from(expiredAt.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiredAt))
                .build());

        HttpResponse<String> response = me(bearer(expired));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("invalid_token").containsIgnoringCase("expired");
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        String forged = IDENTITY_PROVIDER.signWithAnotherKey(IDENTITY_PROVIDER.claims("carol", "FREELANCER").build());

        HttpResponse<String> response = me(bearer(forged));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("invalid_token");
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() throws Exception {
        String elsewhere = IDENTITY_PROVIDER.sign(IDENTITY_PROVIDER.claims("carol", "FREELANCER")
                .issuer("https://identity.example.org/realms/ledger").build());

        HttpResponse<String> response = me(bearer(elsewhere));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("invalid_token").contains("iss");
    }

    @Test
    void anUnsignedTokenIsUnauthorized() throws Exception {
        String unsigned = new PlainJWT(IDENTITY_PROVIDER.claims("carol", "FREELANCER").build()).serialize();

        assertThat(me(bearer(unsigned)).statusCode()).isEqualTo(401);
    }

    @Test
    void aValidTokenWithoutAKnownRoleSignsInButIsForbidden() throws Exception {
        for (Object role : new Object[] {"SYSTEM", "ADMIN", null}) {
            HttpResponse<String> response = me(bearer(IDENTITY_PROVIDER.token("carol", role)));

            assertThat(response.statusCode()).as("role %s", role).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("data").isNull()).as("role %s: me is non-null, so its refusal empties data", role).isTrue();
            assertThat(body.path("errors").path(0).path("extensions").path("classification").asString())
                    .as("role %s", role).isEqualTo("FORBIDDEN");
        }
    }

    // The user directory: who can be offered a contract is who has signed in.

    @Test
    void aSignedInUserIsRecordedWithTheRoleOfTheirToken() throws Exception {
        String freelancer = "freelancer-" + UUID.randomUUID();
        assertThat(users.roleOf(freelancer)).isEmpty();

        me(bearer(IDENTITY_PROVIDER.token(freelancer, "FREELANCER")));

        assertThat(users.roleOf(freelancer)).contains(Role.FREELANCER);
        Document stored = readModelDatabase.getCollection("users").find(new Document("_id", freelancer)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("role")).isEqualTo("FREELANCER");
        assertThat(stored.getDate("firstSignInAt")).isNotNull();
    }

    @Test
    void aRoleChangeInTheTokenIsRecorded() throws Exception {
        String user = "user-" + UUID.randomUUID();

        me(bearer(IDENTITY_PROVIDER.token(user, "FREELANCER")));
        me(bearer(IDENTITY_PROVIDER.token(user, "CLIENT")));

        assertThat(users.roleOf(user)).contains(Role.CLIENT);
    }

    @Test
    void aTokenWithoutAKnownRoleRecordsNobody() throws Exception {
        String user = "user-" + UUID.randomUUID();

        me(bearer(IDENTITY_PROVIDER.token(user, "ADMIN")));

        assertThat(users.roleOf(user)).isEmpty();
    }

    @Test
    void anOfferToSomeoneWhoNeverSignedInIsRefused() throws Exception {
        JsonNode error = offerTo("client-" + UUID.randomUUID(), "freelancer-" + UUID.randomUUID());

        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("freelancerId");
        assertThat(error.path("extensions").path("rule").asString()).isEqualTo("freelancerId.unknown");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void anOfferToASignedInFinanceUserIsRefused() throws Exception {
        String finance = "finance-" + UUID.randomUUID();
        me(bearer(IDENTITY_PROVIDER.token(finance, "FINANCE")));

        JsonNode error = offerTo("client-" + UUID.randomUUID(), finance);

        assertThat(error.path("extensions").path("rule").asString()).isEqualTo("freelancerId.not-a-freelancer");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void noTokenOrABadOneIsUnauthorized() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice-pass".getBytes(StandardCharsets.UTF_8));

        assertThat(me(null).statusCode()).isEqualTo(401);
        assertThat(me(bearer("not-a-jwt")).statusCode()).isEqualTo(401);
        assertThat(me(basic).statusCode()).isEqualTo(401);
    }

    /** The one error of a fixed-price offer from a signed-in client to {@code freelancerId}. */
    private JsonNode offerTo(String client, String freelancerId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", """
                mutation($input: OfferFixedPriceContractInput!) { offerFixedPriceContract(input: $input) { contract { id } } }""",
                "variables", Map.of("input", Map.of("idempotencyKey", "offer-1", "freelancerId", freelancerId,
                        "title", "Website", "currency", "USD", "milestones", List.of(Map.of("description", "Design",
                                "dueDate", "2027-03-01", "depositAmount", Map.of("amount", "100.00", "currency", "USD")))))));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", bearer(IDENTITY_PROVIDER.token(client, "CLIENT")))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors.size()).as(response.body()).isEqualTo(1);
        return errors.path(0);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private HttpResponse<String> me(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id role } }\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
