package io.freelance.ledger.command.escrow;

import io.freelance.ledger.command.testing.DeadlinesAtSimulatedTime;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/** A fresh escrow-account fixture with the default policy, and two instants to date given events by. */
abstract class EscrowAccountTestBase {

    AggregateTestFixture<EscrowAccount> fixture;
    /** The fixture's current time: when the command under test is handled. */
    Instant now;
    /** Two days before: when the given events happened. */
    Instant earlier;

    @BeforeEach
    void newFixture() {
        fixture = DeadlinesAtSimulatedTime.applyTo(new AggregateTestFixture<>(EscrowAccount.class));
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        now = fixture.currentTime();
        earlier = now.minus(Duration.ofDays(2));
    }
}
