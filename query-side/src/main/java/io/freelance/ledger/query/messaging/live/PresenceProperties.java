package io.freelance.ledger.query.messaging.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.messaging.presence.*}.
 *
 * @param recentRequestWindow how long after their last signed-in HTTP request a user still counts as online
 * @param maxRememberedUsers  users whose last request is remembered at most; past it the oldest are forgotten
 */
@ConfigurationProperties("ledger.messaging.presence")
public record PresenceProperties(
        @DefaultValue("PT5M") Duration recentRequestWindow,
        @DefaultValue("100000") int maxRememberedUsers) {

    public PresenceProperties {
        if (recentRequestWindow.isNegative()) {
            throw new IllegalArgumentException("ledger.messaging.presence.recent-request-window must not be negative");
        }
        if (maxRememberedUsers < 1) {
            throw new IllegalArgumentException("ledger.messaging.presence.max-remembered-users must be at least 1");
        }
    }
}
