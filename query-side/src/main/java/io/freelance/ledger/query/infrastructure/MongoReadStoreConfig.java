package io.freelance.ledger.query.infrastructure;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' MongoDB client. Spring Boot 4 configures no plain driver, so the client and
 * database are declared here; the URI comes from a {@link ReadStoreAddress}: a real MongoDB
 * ({@code ledger.mongo.uri}) or, in standalone mode without one, the embedded server.
 */
@Configuration(proxyBeanMethods = false)
public class MongoReadStoreConfig {

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(ReadStoreAddress address) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(address.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applicationName("freelance-ledger")
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    public MongoDatabase readModelDatabase(MongoClient mongoClient,
                                           @Value("${ledger.mongo.database:ledger}") String databaseName) {
        return mongoClient.getDatabase(databaseName);
    }
}
