package io.freelance.ledger.query.messaging.live;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.operations.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Presence on the service's clock, fed by WebSocket connections and by signed-in HTTP requests; shared through
 * the read store when {@code ledger.messaging.presence.shared} is set (several query-side instances).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceProperties.class)
public class PresenceConfiguration {

    @Bean
    public Presence presence(Clock serviceClock, PresenceProperties properties, Optional<SharedPresence> sharedPresence) {
        return new Presence(serviceClock, properties, sharedPresence);
    }

    @Bean
    public RecentRequests recentRequests(Presence presence) {
        return new RecentRequests(presence);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.messaging.presence.shared", havingValue = "true")
    public SharedPresence sharedPresence(MongoDatabase readModelDatabase, PresenceProperties properties) {
        return new SharedPresence(readModelDatabase, properties);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.messaging.presence.shared", havingValue = "true")
    public PeriodicTask presenceHeartbeat(Presence presence, PresenceProperties properties) {
        return new PeriodicTask("presence-heartbeat", Duration.ZERO, properties.sharedHeartbeat(), presence::heartbeat);
    }
}
