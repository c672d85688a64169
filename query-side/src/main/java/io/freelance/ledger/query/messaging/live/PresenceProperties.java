package io.freelance.ledger.query.messaging.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.messaging.presence.*}.
 *
 * @param recentRequestWindow how long after their last signed-in HTTP request a user still counts as online
 * @param maxRememberedUsers  users whose last request is remembered at most; past it the oldest are forgotten
 * @param shared              whether presence is also written to and read from the read store, for every
 *                            query-side instance to see (distributed mode); one process needs no sharing
 * @param sharedHeartbeat     how often an instance renews, in the shared presence, the users connected to it; a
 *                            connection counts for two heartbeats after its last renewal
 */
@ConfigurationProperties("ledger.messaging.presence")
public record PresenceProperties(
        @DefaultValue("PT5M") Duration recentRequestWindow,
        @DefaultValue("100000") int maxRememberedUsers,
        @DefaultValue("false") boolean shared,
        @DefaultValue("PT30S") Duration sharedHeartbeat) {

    public PresenceProperties {
        if (recentRequestWindow.isNegative()) {
            throw new IllegalArgumentException("ledger.messaging.presence.recent-request-window must not be negative");
        }
        if (sharedHeartbeat.isNegative() || sharedHeartbeat.isZero()) {
            throw new IllegalArgumentException("ledger.messaging.presence.shared-heartbeat must be positive");
        }
        if (maxRememberedUsers < 1) {
            throw new IllegalArgumentException("ledger.messaging.presence.max-remembered-users must be at least 1");
        }
    }
}
