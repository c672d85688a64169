package io.freelance.ledger.query.ledger.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit reads the event store through Axon's stream; an application with a faster direct read offers it as the primary source (standalone does). */
@Configuration(proxyBeanMethods = false)
public class AuditEventSourceConfig {

    @Bean
    AuditEventSource streamingAuditEventSource(ObjectProvider<EventStore> eventStore) {
        return new StreamingAuditEventSource(eventStore::getObject);
    }
}
