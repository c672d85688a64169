package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.messaging.live.Presence;
import io.freelance.ledger.query.messaging.live.PresenceProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Presence on the service's clock: a user is online while a GraphQL WebSocket connection of theirs is open,
 * and for {@code ledger.messaging.presence.recent-request-window} after their last signed-in HTTP request.
 */
class PresenceTest extends StandaloneTestBase {

    /** Long after anything other tests did, so no earlier request of dave's still counts. */
    private static final Instant LATER = Instant.parse("2031-01-06T09:00:00Z");

    @Autowired
    Presence presence;

    @Autowired
    PresenceProperties presenceProperties;

    @Test
    void aUserIsOnlineWhileTheirSubscriptionConnectionIsOpenAndForTheWindowAfterTheirLastRequest() {
        Duration window = presenceProperties.recentRequestWindow();
        try (ServiceClock clock = new ServiceClock().at(LATER)) {
            assertThat(presence.isOnline(DAVE.id())).as("before anything").isFalse();

            try (GraphQlWsClient dave = GraphQlWsClient.open(port).signIn(DAVE)) {
                assertThat(presence.isOnline(DAVE.id())).as("connected").isTrue();
                clock.at(LATER.plus(Duration.ofHours(3)));
                assertThat(presence.isOnline(DAVE.id())).as("still connected, hours later").isTrue();
            }
            eventually(() -> assertThat(presence.isOnline(DAVE.id())).as("disconnected, no request").isFalse());

            api.me(DAVE).answered();
            clock.at(LATER.plus(Duration.ofHours(3)).plus(window));
            assertThat(presence.isOnline(DAVE.id())).as("at the end of the window after a request").isTrue();
            clock.at(LATER.plus(Duration.ofHours(3)).plus(window).plusSeconds(1));
            assertThat(presence.isOnline(DAVE.id())).as("past the window").isFalse();
        }
    }

    @Test
    void aRefusedConnectionDoesNotMakeItsUserOnline() {
        try (ServiceClock clock = new ServiceClock().at(LATER.plus(Duration.ofDays(1)));
             GraphQlWsClient impostor = GraphQlWsClient.open(port)) {
            impostor.init(java.util.Map.of("Authorization", GraphQlWsClient.basic(DAVE.id(), "not-his-password")));
            impostor.awaitCloseCode();

            assertThat(presence.isOnline(DAVE.id())).isFalse();
        }
    }
}
