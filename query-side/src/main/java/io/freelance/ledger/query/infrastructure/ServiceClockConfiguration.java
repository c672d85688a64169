package io.freelance.ledger.query.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's clock as a bean, for what the query side times itself (presence, email delays): the clock
 * Axon stamps events and deadlines with ({@link GenericEventMessage#clock}), read at every call, so "now"
 * means the same here as in the events it is compared with, and a test that sets Axon's clock moves both.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock serviceClock() {
        return new EventMessageClock();
    }

    /** Always UTC, as every time of the ledger is. */
    static final class EventMessageClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return GenericEventMessage.clock.withZone(zone);
        }

        @Override
        public Instant instant() {
            return GenericEventMessage.clock.instant();
        }
    }
}
