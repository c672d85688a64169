package io.freelance.ledger.query.messaging.live;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Presence on the service's clock, fed by WebSocket connections and by signed-in HTTP requests. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceProperties.class)
public class PresenceConfiguration {

    @Bean
    public Presence presence(Clock serviceClock, PresenceProperties properties) {
        return new Presence(serviceClock, properties);
    }

    @Bean
    public RecentRequests recentRequests(Presence presence) {
        return new RecentRequests(presence);
    }
}
