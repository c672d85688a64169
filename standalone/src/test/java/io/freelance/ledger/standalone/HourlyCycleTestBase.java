package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.diary.RecordManualTimeCommand;
import io.freelance.ledger.invoice.InvoiceId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An hourly contract's week on the running service, on the service's clock: offered and accepted over GraphQL,
 * worked, then invoiced by the week's own durable deadline on the following Monday 12:00 UTC. The week lies a
 * few weeks ahead of the wall clock, so none of its deadlines is due by the wall clock and each fires only when
 * the test moves to it.
 * <p>
 * Time is recorded through the command gateway, as the freelancer: the API has no mutation for the Work
 * Diary's time yet. The GraphQL offer has no tracker opt-in yet either, so the week is manual time, which is
 * never protected.
 */
abstract class HourlyCycleTestBase extends StandaloneTestBase {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commandGateway;

    ServiceClock clock;
    InvoiceApi invoices;

    @BeforeEach
    void stopTheServiceClock() {
        clock = new ServiceClock();
        invoices = new InvoiceApi(api);
    }

    @AfterEach
    void restoreTheServiceClock() {
        clock.close();
    }

    /** A Monday far enough ahead that no deadline of this week or the next two is due by the wall clock. */
    static LocalDate weekAhead() {
        return UtcWeek.weekStartDate(Instant.now().plus(Duration.ofDays(28)));
    }

    static Instant at(LocalDate monday, int dayOfWeek, int hour, int minute) {
        return UtcWeek.startOf(monday).plus(Duration.ofDays(dayOfWeek - 1L)).plus(Duration.ofHours(hour))
                .plus(Duration.ofMinutes(minute));
    }

    /** Alice offers Carol an hourly contract with manual time allowed on Monday 08:00 of the week; Carol accepts. */
    String hourlyContract(LocalDate monday, String rate) {
        clock.at(at(monday, 1, 8, 0));
        String contractId = invoices.offerHourly(ALICE, unique("hourly"), CAROL, rate)
                .dataAt("offerHourlyContract.contract.id").asString();
        assertThat(api.accept(CAROL, contractId).dataAt("acceptContract.contract.status").asString()).isEqualTo("ACTIVE");
        return contractId;
    }

    /** Carol records manual time from {@code from} up to {@code to}, as the Work Diary's tracker would send it. */
    void recordManualTime(String contractId, Instant from, Instant to, String memo) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordManualTimeCommand(contractId, from, to, memo))
                .andMetaData(new Actor(CAROL.id(), Role.FREELANCER).asMetaData()), COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The following Monday 12:00 UTC: the week's lock fires from the deadline store and the week is invoiced.
     * Returns the invoice as Alice reads it once the read model shows it.
     */
    JsonNode invoicedOnMondayNoon(String contractId, LocalDate monday) {
        Instant noon = UtcWeek.invoicedAt(monday);
        assertThat(time.pendingDueTimes(contractId)).as("the week's lock, due the Monday noon after it").containsExactly(noon);
        clock.at(noon);
        assertThat(time.fireDueBy(noon, contractId)).isEqualTo(1);
        String invoiceId = InvoiceId.forWeek(contractId, monday);
        eventually(() -> assertThat(invoices.invoice(ALICE, invoiceId).dataAt("invoice.id").asString()).isEqualTo(invoiceId));
        return invoices.invoice(ALICE, invoiceId).dataAt("invoice");
    }

    /** Moves the service to {@code instant} and fires what is due by then. */
    int moveTo(Instant instant, String contractId) {
        clock.at(instant);
        return time.fireDueBy(instant, contractId);
    }
}
