package io.freelance.ledger.query.messaging.live;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits of {@code ledger.messaging.live.*}: connections are admitted by the GraphQL WebSocket's sign-in
 * interceptor (a {@link io.freelance.ledger.query.security.WebSocketAdmission}), subscriptions by an interceptor of
 * every GraphQL request, which Spring Boot adds to the chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveLimitProperties.class)
public class LiveLimitsConfiguration {

    @Bean
    public LiveConnectionLimits liveConnectionLimits(LiveLimitProperties properties) {
        return new LiveConnectionLimits(properties);
    }

    @Bean
    public SubscriptionLimit subscriptionLimit(LiveConnectionLimits limits) {
        return new SubscriptionLimit(limits);
    }
}
