package io.freelance.ledger.query.testsupport;

import static org.mockito.Mockito.mock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import io.freelance.ledger.query.readstore.AppliedVersions;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The query side's own components (projections, GraphQL API, security, health) on an in-memory
 * MongoDB, without the lead's infrastructure package and without Axon's configuration (only its query bus): the HTTP tests must not
 * depend on the command side, so the {@link CommandGateway} is a Mockito mock each test programs.
 * JPA is left out too: it only stores Axon's tokens and dead letters.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AvroSerializerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonJobRunrAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerActuatorAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InfraConfiguration",
        "org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
        "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MetricsAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration",
        "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.CBORMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration",
        "org.axonframework.springboot.autoconfig.SecurityAutoConfiguration",
        "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration"})
@ComponentScan(basePackages = {
        "io.freelance.ledger.query.contract",
        "io.freelance.ledger.query.escrow",
        "io.freelance.ledger.query.ledger",
        "io.freelance.ledger.query.graphql",
        "io.freelance.ledger.query.security",
        "io.freelance.ledger.query.health",
        "io.freelance.ledger.query.readstore"})
public class GraphQlTestApplication {

    /** Shut down with the context: the server's Netty threads are not daemons. */
    @Bean(destroyMethod = "shutdownNow")
    public MongoServer testMongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    @Bean(destroyMethod = "close")
    public MongoClient testMongoClient(MongoServer testMongoServer) {
        InetSocketAddress address = testMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @Bean
    public MongoDatabase readModelDatabase(MongoClient testMongoClient) {
        return testMongoClient.getDatabase("graphql-test");
    }

    /** The journal chain's verification reads events here; tests that need events append them. */
    @Bean
    public EventStorageEngine eventStorageEngine() {
        return new InMemoryEventStorageEngine();
    }

    @Bean
    public CommandGateway commandGateway() {
        return mock(CommandGateway.class);
    }

    /** Axon's own query bus, so mutations wait for their contract's update exactly as in the service. */
    @Bean
    public QueryUpdateEmitter queryUpdateEmitter() {
        return SimpleQueryUpdateEmitter.builder().build();
    }

    @Bean
    public QueryBus queryBus(QueryUpdateEmitter queryUpdateEmitter, AppliedVersions appliedVersions) {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().queryUpdateEmitter(queryUpdateEmitter).build();
        new AnnotationQueryHandlerAdapter<>(appliedVersions).subscribe(queryBus);
        return queryBus;
    }

    @Bean
    public QueryGateway queryGateway(QueryBus queryBus) {
        return DefaultQueryGateway.builder().queryBus(queryBus).build();
    }
}
