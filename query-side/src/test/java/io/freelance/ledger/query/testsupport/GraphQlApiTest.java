package io.freelance.ledger.query.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The query side over real HTTP on a random port, signed in with the demo users. Every test class
 * carrying it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = GraphQlTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off",
        "ledger.security.mode=basic",
        "ledger.security.users[0].username=alice",
        "ledger.security.users[0].password={noop}alice-pass",
        "ledger.security.users[0].role=CLIENT",
        "ledger.security.users[1].username=bob",
        "ledger.security.users[1].password={noop}bob-pass",
        "ledger.security.users[1].role=CLIENT",
        "ledger.security.users[2].username=carol",
        "ledger.security.users[2].password={noop}carol-pass",
        "ledger.security.users[2].role=FREELANCER",
        "ledger.security.users[3].username=dave",
        "ledger.security.users[3].password={noop}dave-pass",
        "ledger.security.users[3].role=FREELANCER",
        "ledger.security.users[4].username=erin",
        "ledger.security.users[4].password={noop}erin-pass",
        "ledger.security.users[4].role=FINANCE",
        "ledger.security.users[5].username=frank",
        "ledger.security.users[5].password={noop}frank-pass",
        "ledger.security.users[5].role=DISPUTE_HANDLER",
        "ledger.api.catch-up-timeout=PT1S",
        "spring.graphql.graphiql.enabled=true",
        "management.endpoint.health.show-details=always"})
public @interface GraphQlApiTest {
}
