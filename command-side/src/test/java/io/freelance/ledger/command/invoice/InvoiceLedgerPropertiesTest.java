package io.freelance.ledger.command.invoice;

import io.freelance.ledger.command.testing.DeadlinesAtSimulatedTime;
import static io.freelance.ledger.command.invoice.InvoiceScenario.AVAILABLE;
import static io.freelance.ledger.command.invoice.InvoiceScenario.CLIENT_CHARGES;
import static io.freelance.ledger.command.invoice.InvoiceScenario.CLIENT_REFUNDS;
import static io.freelance.ledger.command.invoice.InvoiceScenario.ESCROW;
import static io.freelance.ledger.command.invoice.InvoiceScenario.HANDLER;
import static io.freelance.ledger.command.invoice.InvoiceScenario.INVOICE_ID;
import static io.freelance.ledger.command.invoice.InvoiceScenario.ISSUED_AT;
import static io.freelance.ledger.command.invoice.InvoiceScenario.PENDING;
import static io.freelance.ledger.command.invoice.InvoiceScenario.REVIEW_ENDS_AT;
import static io.freelance.ledger.command.invoice.InvoiceScenario.WEEK;
import static io.freelance.ledger.command.invoice.InvoiceScenario.by;
import static io.freelance.ledger.command.invoice.InvoiceScenario.issue;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.diary.UnprotectedReason;
import io.freelance.ledger.dispute.DecideHourDisputeCommand;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.dispute.RespondToHourDisputeCommand;
import io.freelance.ledger.invoice.ApproveInvoiceCommand;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoicedCell;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.ledger.MoneyMovement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a week bills, at whatever rate, issued whenever during the review, and whatever the client and
 * freelancer do (approve, dispute any cells; accept, contest, stay silent; a handler refunds any unprotected
 * ones): every entry balances, ids never repeat, the invoice's escrow and pending never go below zero, once
 * every deadline has passed both are empty, every cent the client paid is with the freelancer, the platform
 * or back with the client, and protected time is refunded only when the freelancer accepts it.
 * <p>
 * Plans are drawn from a seeded random source, one seed per case, so a failure names the seed that
 * reproduces it, as in the escrow's property test.
 */
class InvoiceLedgerPropertiesTest {

    /** A thousand plans by default, each one command sequence; {@code -Dledger.properties.fixture-cases=N} runs more. */
    private static final int CASES = Integer.getInteger("ledger.properties.fixture-cases", 1000);
    private static final Duration LONG_AFTER_EVERY_DEADLINE = Duration.ofDays(60);

    enum Answer { NONE, ACCEPT, CONTEST }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ledgerStaysBalancedAndEveryCentIsAccountedFor(long seed) {
        Random random = new Random(seed);
        List<InvoicedCell> cells = cells(random);
        Money rate = new Money(BigDecimal.valueOf(random.nextLong(6, 50_000), 2), "USD");
        Instant actingAt = ISSUED_AT.plusSeconds(random.nextLong(Duration.between(ISSUED_AT, REVIEW_ENDS_AT).toSeconds() + 1));
        var fixture = DeadlinesAtSimulatedTime.applyTo(new AggregateTestFixture<>(Invoice.class));
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        fixture.registerInjectableResource(InvoicePolicy.defaults());
        fixture.registerInjectableResource(new RecordingDisputeRegister());

        fixture.givenCurrentTime(actingAt)
                .andGivenCommands(commands(random, cells, rate))
                .whenThenTimeElapses(LONG_AFTER_EVERY_DEADLINE)
                .expectSuccessfulHandlerExecution();

        List<Object> events = fixture.getEventStore().readEvents(INVOICE_ID).asStream()
                .<Object>map(Message::getPayload).toList();
        List<JournalEntry> entries = events.stream()
                .filter(MoneyMovement.class::isInstance)
                .map(payload -> ((MoneyMovement) payload).journalEntry())
                .filter(Objects::nonNull)
                .toList();
        Money escrow = usd(0);
        Money pending = usd(0);
        Set<String> entryIds = new HashSet<>();
        for (JournalEntry entry : entries) {
            assertThat(JournalEntry.imbalance(entry.legs())).as("imbalance of %s", entry.entryId()).isEmpty();
            assertThat(entryIds.add(entry.entryId())).as("entry id %s is unique", entry.entryId()).isTrue();
            escrow = escrow.plus(entry.amountOn(ESCROW, "USD"));
            pending = pending.plus(entry.amountOn(PENDING, "USD"));
            assertThat(escrow.isNegative()).as("escrow after %s is %s", entry.entryId(), escrow).isFalse();
            assertThat(pending.isNegative()).as("pending after %s is %s", entry.entryId(), pending).isFalse();
        }
        assertThat(escrow).as("escrow once every deadline passed").isEqualTo(usd(0));
        assertThat(pending).as("pending once every deadline passed").isEqualTo(usd(0));

        InvoiceIssuedEvent issued = (InvoiceIssuedEvent) events.get(0);
        Money charged = sum(entries, CLIENT_CHARGES).negate();
        Money keptByThePlatform = sum(entries, LedgerAccounts.SERVICE_FEES).plus(sum(entries, LedgerAccounts.MARKETPLACE_FEES));
        assertThat(charged).isEqualTo(issued.totalCharged());
        assertThat(sum(entries, AVAILABLE).plus(keptByThePlatform).plus(sum(entries, CLIENT_REFUNDS)))
                .as("every cent charged is with the freelancer, the platform or back with the client").isEqualTo(charged);
        assertThat(sum(entries, LedgerAccounts.MARKETPLACE_FEES).isNegative()).isFalse();
        events.stream().filter(HourDisputeSettledEvent.class::isInstance).map(HourDisputeSettledEvent.class::cast)
                .filter(settled -> settled.outcome() != HourDisputeOutcome.REFUND_ACCEPTED)
                .forEach(settled -> assertThat(settled.refundedCells()).as("refunded without the freelancer's consent")
                        .allSatisfy(cell -> assertThat(protectedCells(cells)).doesNotContain(cell)));
    }

    /** One to 1,008 cells of the week, each protected, manual, or tracked without protection. */
    private static List<InvoicedCell> cells(Random random) {
        List<Instant> slots = DiaryInput.cellsBetween(UtcWeek.startOf(WEEK), UtcWeek.startOf(WEEK).plus(UtcWeek.LENGTH));
        int density = 1 + random.nextInt(100);
        List<InvoicedCell> cells = new ArrayList<>();
        for (Instant slot : slots) {
            if (random.nextInt(100) < density) {
                cells.add(switch (random.nextInt(3)) {
                    case 0 -> new InvoicedCell(slot, false, List.of());
                    case 1 -> new InvoicedCell(slot, true, List.of(UnprotectedReason.MANUAL));
                    default -> new InvoicedCell(slot, false, List.of(UnprotectedReason.NO_SCREENSHOT));
                });
            }
        }
        return cells.isEmpty() ? List.of(new InvoicedCell(slots.get(0), false, List.of())) : cells;
    }

    private static List<CommandMessage<?>> commands(Random random, List<InvoicedCell> cells, Money rate) {
        List<CommandMessage<?>> commands = new ArrayList<>();
        commands.add(by(SYSTEM, issue(cells, rate)));
        boolean inReview = switch (random.nextInt(3)) {
            case 0 -> true;
            case 1 -> {
                commands.add(by(CLIENT, new ApproveInvoiceCommand(INVOICE_ID)));
                // A repeated approval must not pay twice.
                yield true;
            }
            default -> dispute(random, cells, commands);
        };
        if (inReview && random.nextBoolean()) {
            commands.add(by(CLIENT, new ApproveInvoiceCommand(INVOICE_ID)));
        }
        return commands;
    }

    /** @return whether the invoice is back in review afterwards: settled, with something left to pay */
    private static boolean dispute(Random random, List<InvoicedCell> cells, List<CommandMessage<?>> commands) {
        List<Instant> disputed = pick(random, cells.stream().map(InvoicedCell::cellDateTime).toList());
        if (disputed.isEmpty()) {
            disputed = List.of(cells.get(0).cellDateTime());
        }
        commands.add(by(CLIENT, new DisputeInvoiceHoursCommand(INVOICE_ID, disputed, "Not worked.")));
        switch (Answer.values()[random.nextInt(Answer.values().length)]) {
            case NONE -> {
                return false;
            }
            case ACCEPT -> {
                commands.add(by(FREELANCER,
                        new RespondToHourDisputeCommand(INVOICE_ID, HourDisputeResponse.ACCEPT_REFUND, null)));
                return disputed.size() < cells.size();
            }
            default -> {
                commands.add(by(FREELANCER, new RespondToHourDisputeCommand(INVOICE_ID, HourDisputeResponse.CONTEST, "Worked.")));
                List<Instant> disputedCells = disputed;
                List<Instant> unprotected = cells.stream()
                        .filter(cell -> !cell.isProtected() && disputedCells.contains(cell.cellDateTime()))
                        .map(InvoicedCell::cellDateTime).toList();
                List<Instant> refunded = pick(random, unprotected);
                commands.add(by(HANDLER, new DecideHourDisputeCommand(INVOICE_ID, refunded, "Decided.")));
                return refunded.size() < cells.size();
            }
        }
    }

    /** A random subset, possibly empty or whole. */
    private static List<Instant> pick(Random random, List<Instant> from) {
        int oneIn = 1 + random.nextInt(3);
        return from.stream().filter(cell -> random.nextInt(oneIn) == 0).toList();
    }

    private static List<Instant> protectedCells(List<InvoicedCell> cells) {
        return cells.stream().filter(InvoicedCell::isProtected).map(InvoicedCell::cellDateTime).toList();
    }

    private static Money sum(List<JournalEntry> entries, LedgerAccount account) {
        return entries.stream().map(entry -> entry.amountOn(account, "USD")).reduce(usd(0), Money::plus);
    }

    private static Money usd(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2), "USD");
    }
}
