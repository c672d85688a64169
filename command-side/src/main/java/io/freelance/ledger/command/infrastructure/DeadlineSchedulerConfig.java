package io.freelance.ledger.command.infrastructure;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Durable deadlines (auto-release, refunds, security periods). Axon's db-scheduler deadline manager
 * keeps each deadline as a row in one table of the relational database, so pending deadlines survive
 * a restart and, in distributed mode, any command-side instance can fire them (db-scheduler locks
 * each row). Axon's auto-configuration builds the deadline manager once this scheduler exists.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineSchedulerConfig {

    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource,
                                       List<Task<?>> tasks,
                                       @Value("${ledger.deadlines.polling-interval:PT5S}") Duration pollingInterval,
                                       @Value("${ledger.deadlines.threads:2}") int threads) {
        createTableIfMissing(dataSource);
        // Inside a command's transaction the scheduler uses that transaction's connection: scheduling or
        // cancelling a deadline never waits for a second connection (which deadlocked a full pool), and
        // the deadline is committed or rolled back together with the events that set it.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .alwaysPersistTimestampInUTC()
                .build();
    }

    /**
     * What a deadline does is recorded with the deadline's correlation data, as what a command does is: Axon's
     * deadline managers run their handlers in a unit of work without correlation data providers, so the events
     * a deadline applied (a week locked, an invoice issued, a payment made available) carried no actor (the
     * deadline acts as the service) and no correlation or causation id, and the event history could not say who
     * did them or why. Static: a post-processor is created before the beans it processes.
     */
    @Bean
    public static BeanPostProcessor deadlineCorrelationData(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DeadlineManager deadlines) {
                    deadlines.registerHandlerInterceptor((unitOfWork, chain) -> {
                        axon.getObject().correlationDataProviders().forEach(unitOfWork::registerCorrelationDataProvider);
                        return chain.proceed();
                    });
                }
                return bean;
            }
        };
    }

    @Bean
    public DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new DeadlineSchedulerLifecycle(deadlineScheduler);
    }

    private static void createTableIfMissing(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the deadline database", e);
        }
        String script = product.contains("postgres") ? "db/scheduled-tasks-postgresql.sql" : "db/scheduled-tasks-h2.sql";
        new ResourceDatabasePopulator(new ClassPathResource(script)).execute(dataSource);
    }

    /**
     * Fires deadlines only once the whole application (Axon included) is up, and stops before Axon
     * shuts down, so no deadline runs against a half-started or half-stopped configuration.
     */
    public static class DeadlineSchedulerLifecycle {

        private final Scheduler scheduler;

        DeadlineSchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void start() {
            scheduler.start();
        }

        @EventListener(ContextClosedEvent.class)
        public void stop() {
            scheduler.stop();
        }
    }
}
