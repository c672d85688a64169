package io.freelance.ledger.standalone;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The H2 file event store's upkeep; nothing to do when the event store is PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
public class EventStoreFileConfig {

    @Bean(destroyMethod = "close")
    EventStoreCompaction eventStoreCompaction(DataSource dataSource,
                                              @Value("${ledger.event-store.compaction-interval:PT1S}") Duration interval)
            throws SQLException {
        return EventStoreCompaction.start(dataSource, interval);
    }
}
