package io.freelance.ledger.query;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side on its own, for the distributed mode: projections into MongoDB and the GraphQL
 * API. Its settings are in {@code query-side.yml} so the standalone module does not inherit them.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "query-side"));
        application.run(args);
    }
}
