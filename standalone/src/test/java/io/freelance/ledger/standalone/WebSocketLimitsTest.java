package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freelance.ledger.query.messaging.live.LiveConnectionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL WebSocket's limits through the real path, with a real WebSocket client: two connections per user and
 * two subscriptions per connection, so the limits are reached in a few steps. A service of its own (its own data
 * directory), since the other tests run with the default limits.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebSocketLimitsTest {

    private static final String DATA_DIR =
            Path.of("target", "test-data", "websocket-limits-" + UUID.randomUUID()).toAbsolutePath().toString();
    private static final int POLICY_VIOLATION = 1008;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> DATA_DIR);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SmtpCatcher::port);
        registry.add("ledger.messaging.live.max-connections-per-user", () -> "2");
        registry.add("ledger.messaging.live.max-subscriptions-per-connection", () -> "2");
    }

    @LocalServerPort
    int port;

    @Autowired
    LiveConnectionLimits limits;

    @Test
    void aUserPastTheConnectionLimitIsRefusedUntilOneOfTheirConnectionsCloses() {
        try (GraphQlWsClient first = GraphQlWsClient.open(port).signIn(DAVE);
             GraphQlWsClient second = GraphQlWsClient.open(port).signIn(DAVE)) {

            try (GraphQlWsClient third = GraphQlWsClient.open(port)) {
                third.init(Map.of("Authorization", GraphQlWsClient.basic(DAVE.id(), DAVE.password())));
                GraphQlWsClient.Closed refused = third.awaitClose();
                assertThat(refused.code()).isEqualTo(POLICY_VIOLATION);
                assertThat(refused.reason()).isEqualTo(
                        "At most 2 open connections per user (ledger.messaging.live.max-connections-per-user); close one first.");
                assertThat(third.staysQuietFor(Duration.ofMillis(200))).as("no connection_ack").isTrue();
            }
            try (GraphQlWsClient bob = GraphQlWsClient.open(port).signIn(BOB)) {
                assertThat(bob.isClosed()).as("another user is unaffected").isFalse();
            }

            first.close();
            eventually(() -> assertThat(limits.openConnectionsOf(DAVE.id())).isEqualTo(1));
            try (GraphQlWsClient again = GraphQlWsClient.open(port).signIn(DAVE)) {
                assertThat(second.isClosed()).isFalse();
            }
        }
    }

    @Test
    void aConnectionDroppedWithoutACloseFrameFreesItsSlotToo() {
        try (GraphQlWsClient kept = GraphQlWsClient.open(port).signIn(ERIN)) {
            GraphQlWsClient dropped = GraphQlWsClient.open(port).signIn(ERIN);
            assertThat(limits.openConnectionsOf(ERIN.id())).isEqualTo(2);

            dropped.abort();

            eventually(() -> assertThat(limits.openConnectionsOf(ERIN.id())).isEqualTo(1));
            try (GraphQlWsClient again = GraphQlWsClient.open(port).signIn(ERIN)) {
                assertThat(kept.isClosed()).isFalse();
            }
        }
    }

    @Test
    void aSubscriptionPastTheConnectionsLimitIsRefusedAndTheConnectionGoesOn() {
        MessagingApi messaging = new MessagingApi(new LedgerApi("http://127.0.0.1:" + port));
        String roomId = messaging.createGroup(ALICE, "limits-" + UUID.randomUUID(), "Limits", List.of("carol"))
                .dataAt("createRoom.room.id").asString();
        Map<String, Object> inTheRoom = Map.of("roomId", roomId);

        try (GraphQlWsClient alice = GraphQlWsClient.open(port).signIn(ALICE)) {
            alice.subscribe("first", RoomLiveDeliveryTest.ROOM_EVENTS, inTheRoom);
            awaitDelivering(messaging, alice, "first", roomId);
            alice.subscribe("second", RoomLiveDeliveryTest.ROOM_EVENTS, inTheRoom);
            awaitDelivering(messaging, alice, "second", roomId);

            alice.subscribe("third", RoomLiveDeliveryTest.ROOM_EVENTS, inTheRoom);
            JsonNode refusal = alice.nextMessageOf("third");
            assertThat(refusal.path("type").asString()).isEqualTo("error");
            JsonNode error = refusal.path("payload").get(0);
            assertThat(error.path("message").asString()).isEqualTo("This connection already runs 2 subscriptions, the most "
                    + "one may (ledger.messaging.live.max-subscriptions-per-connection); complete one first, or open another connection.");
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
            assertThat(error.path("extensions").path("rule").asString()).isEqualTo("subscriptions.per-connection");
            assertThat(alice.isClosed()).as("the connection stays open").isFalse();

            String probe = awaitDelivering(messaging, alice, "second", roomId);
            assertThat(probe).as("the others go on").isNotNull();

            alice.complete("first");
            alice.subscribe("fourth", RoomLiveDeliveryTest.ROOM_EVENTS, inTheRoom);
            awaitDelivering(messaging, alice, "fourth", roomId);
        }
    }

    /**
     * A subscription is running once it delivers (graphql-ws acknowledges no {@code subscribe}): carol posts probes
     * until one arrives, then the subscription's events up to the last probe are drained.
     */
    private static String awaitDelivering(MessagingApi messaging, GraphQlWsClient client, String subscriptionId, String roomId) {
        for (int attempt = 1; attempt <= 20; attempt++) {
            String probe = "probe-" + UUID.randomUUID();
            messaging.post(CAROL, roomId, probe, "Are you there?").answered();
            JsonNode arrived = client.nextMessageOfWithin(subscriptionId, Duration.ofMillis(500));
            if (arrived != null) {
                JsonNode event = RoomLiveDeliveryTest.eventIn(arrived);
                while (!probe.equals(event.path("story").path("id").asString())) {
                    event = RoomLiveDeliveryTest.eventIn(client.nextMessageOf(subscriptionId));
                }
                return probe;
            }
        }
        throw new AssertionError("Subscription " + subscriptionId + " delivered none of 20 probes in room " + roomId);
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion::run);
    }
}
