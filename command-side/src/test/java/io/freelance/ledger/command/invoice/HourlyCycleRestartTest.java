package io.freelance.ledger.command.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.freelance.ledger.command.CommandSideApplication;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.ContractPausedEvent;
import io.freelance.ledger.contract.ContractResumedEvent;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.OfferHourlyContractCommand;
import io.freelance.ledger.diary.RecordManualTimeCommand;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.diary.WorkDiaryWeekLockedEvent;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.dispute.RespondToHourDisputeCommand;
import io.freelance.ledger.invoice.InvoiceFundsAvailableEvent;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.ledger.MoneyMovement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole hourly week through the command-side application on a database file, stopped and started again
 * twice while a deadline of the cycle is pending: the week's lock, then the payment's security period. Each
 * deadline is the real one the aggregate scheduled in db-scheduler's table; the test only moves it to now
 * (time travel) and asks the scheduler to look, so what fires after a restart comes from the durable store
 * alone.
 * <p>
 * The week is in January 2030, on the fixture-like service clock; seven manual cells at 33.33 an hour.
 */
class HourlyCycleRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Actor ALICE = new Actor("alice", Role.CLIENT);
    private static final Actor CAROL = new Actor("carol", Role.FREELANCER);
    private static final LocalDate WEEK = LocalDate.of(2030, 1, 7);
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2030-01-09T08:00:00Z");
    private static final Instant WORK_STARTS = Instant.parse("2030-01-09T09:00:00Z");
    private static final Instant REVIEW_TUESDAY = Instant.parse("2030-01-15T10:00:00Z");

    @TempDir
    Path dataDirectory;

    private final Clock systemClock = GenericEventMessage.clock;
    private ConfigurableApplicationContext commandSide;

    @AfterEach
    void restore() {
        GenericEventMessage.clock = systemClock;
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void aWeekIsInvoicedDisputedPaidAndMadeAvailableAcrossRestarts() {
        String contractId = "hourly-restart-1";
        String invoiceId = InvoiceId.forWeek(contractId, WEEK);

        // Before the first stop: the week's work, and its lock pending in the deadline table.
        start();
        at(WEDNESDAY_MORNING);
        send(new OfferHourlyContractCommand(contractId, "alice", "carol", "Support",
                new HourlyTerms(Money.of("33.33", "USD"), null, true, true)), ALICE);
        send(new AcceptContractCommand(contractId), CAROL);
        at(WORK_STARTS.plus(Duration.ofHours(3)));
        send(new RecordManualTimeCommand(contractId, WORK_STARTS, WORK_STARTS.plus(Duration.ofMinutes(70)), "Migration"), CAROL);
        assertThat(pendingDeadlinesOf(contractId)).as("the week's lock").hasSize(1);
        restart();

        // After it: the lock fires from the table, the invoice is issued, disputed and the dispute settled.
        fireDeadlinesOf(contractId);
        InvoiceIssuedEvent issued = awaitEvent(invoiceId, InvoiceIssuedEvent.class);
        assertThat(issued.amount()).isEqualTo(usd("38.89"));
        assertThat(issued.marketplaceFee()).isEqualTo(usd("1.94"));
        assertThat(eventsOf(WorkDiaryId.forWeek(contractId, WEEK)))
                .anySatisfy(event -> assertThat(event).isInstanceOf(WorkDiaryWeekLockedEvent.class));

        at(REVIEW_TUESDAY);
        List<Instant> disputed = List.of(WORK_STARTS, WORK_STARTS.plus(Duration.ofMinutes(10)));
        send(new DisputeInvoiceHoursCommand(invoiceId, disputed, "Two cells were a lunch break."), ALICE);
        assertThat(eventsOf(contractId)).last().isInstanceOf(ContractPausedEvent.class);
        send(new RespondToHourDisputeCommand(invoiceId, HourDisputeResponse.ACCEPT_REFUND, null), CAROL);
        assertThat(eventsOf(contractId)).last().isInstanceOf(ContractResumedEvent.class);
        HourDisputeSettledEvent settled = awaitEvent(invoiceId, HourDisputeSettledEvent.class);
        // Two cells: 11.11, with the 5% fee on them, 0.56, back to the client.
        assertThat(settled.refundedAmount()).isEqualTo(usd("11.11"));
        assertThat(settled.marketplaceFeeRefunded()).isEqualTo(usd("0.56"));

        // The review ends: the rest is paid less the service fee.
        fireDeadlinesOf(contractId);
        InvoicePaidEvent paid = awaitEvent(invoiceId, InvoicePaidEvent.class);
        assertThat(paid.reason()).isEqualTo(InvoicePaymentReason.REVIEW_PERIOD_ENDED);
        assertThat(paid.amount()).isEqualTo(usd("27.78"));
        assertThat(paid.paidToFreelancer()).isEqualTo(usd("25.00"));
        assertThat(pendingDeadlinesOf(contractId)).as("the security period").hasSize(1);
        restart();

        // After the second stop: the security period ends and the money is available.
        fireDeadlinesOf(contractId);
        InvoiceFundsAvailableEvent available = awaitEvent(invoiceId, InvoiceFundsAvailableEvent.class);
        assertThat(available.amount()).isEqualTo(usd("25.00"));
        assertThat(pendingDeadlinesOf(contractId)).isEmpty();
        assertThat(balance(invoiceId, LedgerAccounts.escrow(contractId))).isEqualTo(usd("0.00"));
        assertThat(balance(invoiceId, LedgerAccounts.freelancerAvailable("carol"))).isEqualTo(usd("25.00"));
        assertThat(balance(invoiceId, LedgerAccounts.clientCharges("alice"))).isEqualTo(usd("-40.83"));
        assertThat(balance(invoiceId, LedgerAccounts.clientRefunds("alice"))).isEqualTo(usd("11.67"));
    }

    private void start() {
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("command-side"),
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--axon.axonserver.enabled=false",
                        "--ledger.deadlines.polling-interval=PT0.2S");
    }

    private void restart() {
        commandSide.close();
        commandSide = null;
        start();
    }

    /** The service clock (events, rules, deadlines' effective times) at a fixed instant of the test's week. */
    private static void at(Instant now) {
        GenericEventMessage.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private Object send(Object command, Actor actor) {
        return commandSide.getBean(CommandGateway.class).sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()),
                TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The deadlines not yet fired whose stored details name the contract (its diary, invoice or dispute). */
    private List<Map<String, Object>> pendingDeadlinesOf(String contractId) {
        byte[] name = contractId.getBytes(StandardCharsets.UTF_8);
        return jdbc().queryForList("SELECT task_name, task_instance, task_data FROM scheduled_tasks WHERE picked = FALSE")
                .stream()
                .filter(row -> contains((byte[]) row.get("task_data"), name))
                .toList();
    }

    /** Time travel: every pending deadline of the contract is made due now, and the scheduler looks at once. */
    private void fireDeadlinesOf(String contractId) {
        for (Map<String, Object> row : pendingDeadlinesOf(contractId)) {
            jdbc().update("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ? AND task_instance = ?",
                    Timestamp.from(Instant.now()), row.get("task_name"), row.get("task_instance"));
        }
        commandSide.getBean(Scheduler.class).triggerCheckForDueExecutions();
    }

    private <T> T awaitEvent(String aggregateId, Class<T> type) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<T> found = eventsOf(aggregateId).stream().filter(type::isInstance).map(type::cast).toList();
            if (!found.isEmpty()) {
                assertThat(found).as("%s of %s", type.getSimpleName(), aggregateId).hasSize(1);
                return found.get(0);
            }
            sleep();
        }
        throw new AssertionError("No " + type.getSimpleName() + " on " + aggregateId + " within " + TIMEOUT);
    }

    private List<Object> eventsOf(String aggregateId) {
        return commandSide.getBean(EventStore.class).readEvents(aggregateId).asStream()
                .<Object>map(EventMessage::getPayload).toList();
    }

    /** The invoice's journal entries, summed on one account. */
    private Money balance(String invoiceId, LedgerAccount account) {
        return eventsOf(invoiceId).stream()
                .filter(MoneyMovement.class::isInstance)
                .map(event -> ((MoneyMovement) event).journalEntry())
                .filter(Objects::nonNull)
                .map((JournalEntry entry) -> entry.amountOn(account, "USD"))
                .reduce(usd("0.00"), Money::plus);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(commandSide.getBean(DataSource.class));
    }

    private static boolean contains(byte[] data, byte[] part) {
        if (data == null) {
            return false;
        }
        for (int start = 0; start + part.length <= data.length; start++) {
            if (Arrays.equals(data, start, start + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
