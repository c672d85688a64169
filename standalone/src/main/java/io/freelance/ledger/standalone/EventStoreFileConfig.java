package io.freelance.ledger.standalone;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.sql.SQLException;
import java.time.Duration;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The H2 file event store's upkeep; nothing to do when the event store is PostgreSQL, shared by several processes. */
@Configuration(proxyBeanMethods = false)
// The service's URL goes through H2's retry: file system (see application.yml); a plain file: URL is the same file.
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:') or '${spring.datasource.url:}'.startsWith('jdbc:h2:retry:file:')")
public class EventStoreFileConfig {

    /** Only one process can open the file, so claims found in it at start-up are a killed process's. */
    @Bean
    StaleTokenClaims staleTokenClaims(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
        return new StaleTokenClaims(dataSource, entityManagerFactory);
    }

    /** Only one process can open the file, so deadlines found picked in it at start-up are a killed process's. */
    @Bean
    StaleDeadlinePicks staleDeadlinePicks(DataSource dataSource, Scheduler deadlineSchedulerNotYetStarted) {
        return new StaleDeadlinePicks(dataSource);
    }

    @Bean(destroyMethod = "close")
    EventStoreCompaction eventStoreCompaction(DataSource dataSource,
                                              @Value("${ledger.event-store.compaction-interval:PT1S}") Duration interval)
            throws SQLException {
        return EventStoreCompaction.start(dataSource, interval);
    }
}
