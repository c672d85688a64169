package io.freelance.ledger.query.health;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code mongoReadModel}: the read-model database answers a ping. */
@Component
public class MongoReadModelHealthIndicator implements HealthIndicator {

    private final MongoDatabase readModelDatabase;

    public MongoReadModelHealthIndicator(MongoDatabase readModelDatabase) {
        this.readModelDatabase = readModelDatabase;
    }

    @Override
    public Health health() {
        try {
            readModelDatabase.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", readModelDatabase.getName()).build();
        } catch (MongoException e) {
            return Health.down().withDetail("database", readModelDatabase.getName())
                    .withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
