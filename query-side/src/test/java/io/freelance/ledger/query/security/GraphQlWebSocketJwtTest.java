package io.freelance.ledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.query.testsupport.GraphQlTestApplication;
import io.freelance.ledger.query.testsupport.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * {@code ledger.security.mode=jwt} on the GraphQL WebSocket: a connection signs in with a bearer token in its
 * {@code connection_init} payload, checked as an HTTP request's token is (signature, issuer, expiry, role
 * claim), and its user is recorded as at an HTTP sign-in; a token signed by anyone else closes the connection
 * with 4401 and records no one.
 */
@SpringBootTest(classes = GraphQlTestApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.banner-mode=off", "ledger.security.mode=jwt", "spring.graphql.websocket.path=/graphql"})
class GraphQlWebSocketJwtTest {

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

    @Test
    void aBearerTokenInConnectionInitSignsTheConnectionIn() throws Exception {
        try (Connection carol = new Connection(port)) {
            carol.send(Map.of("type", "connection_init",
                    "payload", Map.of("Authorization", "Bearer " + IDENTITY_PROVIDER.token("carol", "FREELANCER"))));
            assertThat(carol.next().path("type").asString()).isEqualTo("connection_ack");

            carol.send(Map.of("id", "1", "type", "subscribe", "payload",
                    Map.of("query", "subscription { contractChanged(contractId: \"no-such-contract\") { id } }")));

            // Signed in as carol: refused as a contract she is no party to, not as a caller without a sign-in.
            JsonNode refusal = carol.next();
            assertThat(refusal.path("type").asString()).isEqualTo("error");
            assertThat(refusal.path("payload").get(0).path("extensions").path("classification").asString()).isEqualTo("NOT_FOUND");
        }
    }

    /** A frontend that only listens for messages still makes its user one a contract can be offered to. */
    @Test
    void aUserSeenOnlyOverTheWebSocketIsRecordedInTheUserDirectory() throws Exception {
        String listener = "listener-" + UUID.randomUUID();
        assertThat(users.roleOf(listener)).isEmpty();

        try (Connection connection = new Connection(port)) {
            connection.send(Map.of("type", "connection_init",
                    "payload", Map.of("Authorization", "Bearer " + IDENTITY_PROVIDER.token(listener, "FREELANCER"))));
            assertThat(connection.next().path("type").asString()).isEqualTo("connection_ack");
        }

        assertThat(users.roleOf(listener)).contains(Role.FREELANCER);
    }

    @Test
    void aTokenSignedByAnotherKeyClosesTheConnectionUnauthorized() throws Exception {
        String forgedUser = "forged-" + UUID.randomUUID();
        try (Connection forger = new Connection(port)) {
            String forged = IDENTITY_PROVIDER.signWithAnotherKey(IDENTITY_PROVIDER.claims(forgedUser, "FREELANCER").build());
            forger.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + forged)));

            assertThat(forger.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(4401);
        }
        assertThat(users.roleOf(forgedUser)).isEmpty();
    }

    /** A graphql-ws connection on the JDK's WebSocket client; the upgrade carries no credentials. */
    private static final class Connection implements WebSocket.Listener, AutoCloseable {

        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Connection(int port) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), this).orTimeout(15, TimeUnit.SECONDS).join();
        }

        void send(Map<String, Object> message) {
            socket.sendText(JSON.writeValueAsString(message), true).orTimeout(15, TimeUnit.SECONDS).join();
        }

        JsonNode next() throws InterruptedException {
            JsonNode message = messages.poll(15, TimeUnit.SECONDS);
            assertThat(message).as("a message within 15 s").isNotNull();
            return message;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
