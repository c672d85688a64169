package io.freelance.ledger.query.dispute.history;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the history learns global positions: from the embedded event store's table when this process holds
 * it (standalone), nowhere otherwise (Axon Server, whose aggregate reads do not carry them).
 */
@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

    @Bean
    GlobalPositions eventStoreGlobalPositions(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        EntityManagerFactory entityManagers = entityManagerFactories.getIfUnique();
        if (entityManagers != null && JpaGlobalPositions.storesEvents(entityManagers)) {
            return new JpaGlobalPositions(entityManagers);
        }
        return GlobalPositions.UNKNOWN;
    }
}
