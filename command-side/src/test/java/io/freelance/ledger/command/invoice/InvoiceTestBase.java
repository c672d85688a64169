package io.freelance.ledger.command.invoice;

import io.freelance.ledger.command.testing.DeadlinesAtSimulatedTime;
import static io.freelance.ledger.command.invoice.InvoiceScenario.by;
import static io.freelance.ledger.command.invoice.InvoiceScenario.issue;
import static io.freelance.ledger.command.testing.People.SYSTEM;

import io.freelance.ledger.command.escrow.EscrowPolicy;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;

/**
 * An invoice fixture with the default policies and a recording dispute register. The invoice is issued by
 * its command, as the diary issues it, so its deadlines are scheduled as in the service.
 */
abstract class InvoiceTestBase {

    AggregateTestFixture<Invoice> fixture;
    RecordingDisputeRegister register;

    @BeforeEach
    void newFixture() {
        fixture = DeadlinesAtSimulatedTime.applyTo(new AggregateTestFixture<>(Invoice.class));
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        fixture.registerInjectableResource(InvoicePolicy.defaults());
        register = new RecordingDisputeRegister();
        fixture.registerInjectableResource(register);
    }

    /**
     * The scenario's invoice issued at {@code now}, then these commands, all at {@code now}. Issued by its command
     * so that its review deadline is scheduled; the fixture's clock cannot move between scheduling deadlines and
     * the command under test, so an invoice acted on after Monday noon was issued late (as after a restart). Its
     * review still ends on Friday night: the calendar sets the window, not the issue time.
     */
    TestExecutor<Invoice> issuedThen(Instant now, Object... commands) {
        return fixture.givenCurrentTime(now)
                .andGivenCommands(by(SYSTEM, issue()))
                .andGivenCommands(commands);
    }
}
