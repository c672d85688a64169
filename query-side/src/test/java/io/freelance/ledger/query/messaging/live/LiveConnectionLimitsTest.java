package io.freelance.ledger.query.messaging.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.query.security.WebSocketAdmission;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The counting behind the WebSocket limits, two connections per user and two subscriptions per connection. */
class LiveConnectionLimitsTest {

    private final LiveConnectionLimits limits = new LiveConnectionLimits(new LiveLimitProperties(2, 2));

    @Test
    void aUserOverTheConnectionLimitIsRefusedWithAReasonNamingIt() {
        assertThat(limits.admit("c1", "alice")).isEmpty();
        assertThat(limits.admit("c2", "alice")).isEmpty();

        assertThat(limits.admit("c3", "alice")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("At most 2 open connections per user", "ledger.messaging.live.max-connections-per-user"));
        assertThat(limits.openConnectionsOf("alice")).isEqualTo(2);
    }

    @Test
    void anotherUserHasSlotsOfTheirOwn() {
        limits.admit("c1", "alice");
        limits.admit("c2", "alice");

        assertThat(limits.admit("c3", "bob")).isEmpty();
    }

    @Test
    void closingAConnectionFreesItsSlotOnceHoweverOftenItIsReported() {
        limits.admit("c1", "alice");
        limits.admit("c2", "alice");

        limits.closed("c1");
        limits.closed("c1");
        limits.closed("never-admitted");

        assertThat(limits.openConnectionsOf("alice")).isEqualTo(1);
        assertThat(limits.admit("c3", "alice")).isEmpty();
        assertThat(limits.admit("c4", "alice")).isPresent();
    }

    @Test
    void aRefusedConnectionTakesNoSlotWhenItCloses() {
        limits.admit("c1", "alice");
        limits.admit("c2", "alice");
        limits.admit("c3", "alice");

        limits.closed("c3");

        assertThat(limits.openConnectionsOf("alice")).isEqualTo(2);
    }

    @Test
    void aConnectionOverItsSubscriptionLimitIsRefusedUntilOneEnds() {
        limits.admit("c1", "alice");

        assertThat(limits.admitSubscription("c1")).isTrue();
        assertThat(limits.admitSubscription("c1")).isTrue();
        assertThat(limits.admitSubscription("c1")).isFalse();

        limits.subscriptionEnded("c1");
        assertThat(limits.admitSubscription("c1")).isTrue();
        assertThat(limits.subscriptionRefusal()).contains("2 subscriptions", "ledger.messaging.live.max-subscriptions-per-connection");
    }

    @Test
    void subscriptionsAreCountedPerConnection() {
        limits.admit("c1", "alice");
        limits.admit("c2", "alice");
        limits.admitSubscription("c1");
        limits.admitSubscription("c1");

        assertThat(limits.admitSubscription("c2")).isTrue();
    }

    @Test
    void aClosedConnectionStartsNoSubscriptionAndItsEndingStreamsCountNothing() {
        limits.admit("c1", "alice");
        limits.admitSubscription("c1");
        limits.closed("c1");

        limits.subscriptionEnded("c1");

        assertThat(limits.admitSubscription("c1")).isFalse();
        assertThat(limits.admitSubscription("unknown")).isFalse();
    }

    @Test
    void theReasonFitsACloseFrameAtTheLargestLimit() {
        LiveConnectionLimits largest = new LiveConnectionLimits(new LiveLimitProperties(Integer.MAX_VALUE, Integer.MAX_VALUE));

        assertThat(largest.connectionRefusal().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(WebSocketAdmission.REASON_MAX_BYTES);
    }

    @Test
    void limitsBelowOneAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new LiveLimitProperties(0, 50))
                .hasMessage("ledger.messaging.live.max-connections-per-user must be at least 1");
        assertThatThrownBy(() -> new LiveLimitProperties(10, 0))
                .hasMessage("ledger.messaging.live.max-subscriptions-per-connection must be at least 1");
    }
}
