package io.freelance.ledger.query.messaging.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.messaging.live.*}: what one user may hold open on the GraphQL WebSocket, so a hostile or buggy client
 * cannot exhaust the service. A frontend needs one connection per browser tab or device and a handful of
 * subscriptions on it; the defaults leave room for that many times over.
 *
 * @param maxConnectionsPerUser         signed-in connections one user may hold open at once in this process
 * @param maxSubscriptionsPerConnection subscriptions one connection may run at once
 */
@ConfigurationProperties("ledger.messaging.live")
public record LiveLimitProperties(
        @DefaultValue("10") int maxConnectionsPerUser,
        @DefaultValue("50") int maxSubscriptionsPerConnection) {

    static final String MAX_CONNECTIONS_PER_USER = "ledger.messaging.live.max-connections-per-user";
    static final String MAX_SUBSCRIPTIONS_PER_CONNECTION = "ledger.messaging.live.max-subscriptions-per-connection";

    public LiveLimitProperties {
        if (maxConnectionsPerUser < 1) {
            throw new IllegalArgumentException(MAX_CONNECTIONS_PER_USER + " must be at least 1");
        }
        if (maxSubscriptionsPerConnection < 1) {
            throw new IllegalArgumentException(MAX_SUBSCRIPTIONS_PER_CONNECTION + " must be at least 1");
        }
    }
}
