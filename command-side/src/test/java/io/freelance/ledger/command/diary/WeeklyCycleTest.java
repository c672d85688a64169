package io.freelance.ledger.command.diary;

import static io.freelance.ledger.command.diary.DiaryScenario.CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.CONTRACT_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.DIARY_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.NEXT_CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.NEXT_MONDAY_NOON;
import static io.freelance.ledger.command.diary.DiaryScenario.WEDNESDAY_NOON;
import static io.freelance.ledger.command.diary.DiaryScenario.WEEK;
import static io.freelance.ledger.command.diary.DiaryScenario.hourly;
import static io.freelance.ledger.command.diary.DiaryScenario.manual;
import static io.freelance.ledger.command.diary.DiaryScenario.record;
import static io.freelance.ledger.command.diary.DiaryScenario.recorded;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.command.contract.ContractStanding;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.command.invoice.Invoice;
import io.freelance.ledger.command.invoice.ReviewEndDeadline;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.WeeklyLimitChangedEvent;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import io.freelance.ledger.diary.DeleteSegmentCommand;
import io.freelance.ledger.diary.UnprotectedReason;
import io.freelance.ledger.diary.WorkDiaryWeekLockedEvent;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weekly cycle as the diary runs it: its first cell sets one durable deadline for the Monday 12:00 UTC
 * after the week, when the week locks and the diary issues its invoice, in the same unit of work, for the
 * cells within the weekly limit at the contract's rate.
 */
class WeeklyCycleTest extends WorkDiaryTestBase {

    private static final String INVOICE_ID = InvoiceId.forWeek(CONTRACT_ID, WEEK);
    private static final Instant REVIEW_ENDS_AT = Instant.parse("2026-12-04T23:59:59Z");
    private static final Instant TUESDAY_NINE = Instant.parse("2026-11-24T09:00:00Z");

    private EmbeddedEventStore invoiceStore;

    @BeforeEach
    void invoicesInTheirOwnStore() {
        invoiceStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Repository<Invoice> invoices = EventSourcingRepository.builder(Invoice.class).eventStore(invoiceStore).build();
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return aggregateType == Invoice.class ? (Repository<T>) invoices : null;
            }
        });
    }

    @AfterEach
    void closeInvoiceStore() {
        invoiceStore.shutDown();
    }

    // The lock is set with the week's first cell.

    @Test
    void theFirstTrackedCellSetsTheWeeksLockForTheMondayNoonAfter() {
        at(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectScheduledDeadline(NEXT_MONDAY_NOON, new WeekLockDeadline(NEXT_MONDAY_NOON));
    }

    @Test
    void theFirstManualCellsSetItToo() {
        at(WEDNESDAY_NOON)
                .when(manual(TUESDAY_NINE, TUESDAY_NINE.plusSeconds(1800), "Planning call"), as(FREELANCER))
                .expectScheduledDeadline(NEXT_MONDAY_NOON, new WeekLockDeadline(NEXT_MONDAY_NOON));
    }

    @Test
    void laterCellsSetNoSecondLock() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(record(NEXT_CELL), as(FREELANCER))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCommandThatRecordsNothingSetsNoLock() {
        at(WEDNESDAY_NOON)
                .when(new DeleteSegmentCommand(CONTRACT_ID, CELL), as(FREELANCER))
                .expectNoScheduledDeadlines();
    }

    // On Monday noon the week locks and is invoiced.

    @Test
    void theLockedWeekIsInvoicedForItsTrackedAndManualCellsAtTheContractsRate() {
        recordedOnWednesday(by(record(CELL)), by(record(NEXT_CELL)),
                by(manual(TUESDAY_NINE, TUESDAY_NINE.plusSeconds(1800), "Planning call")))
                .whenThenTimeAdvancesTo(NEXT_MONDAY_NOON)
                .expectDeadlinesMet(new WeekLockDeadline(NEXT_MONDAY_NOON))
                .expectEvents(new WorkDiaryWeekLockedEvent(DIARY_ID, CONTRACT_ID, WEEK, 5, 0, INVOICE_ID, NEXT_MONDAY_NOON))
                .expectScheduledDeadline(REVIEW_ENDS_AT, new ReviewEndDeadline(REVIEW_ENDS_AT));

        InvoiceIssuedEvent invoice = issuedInvoice();
        assertThat(invoice.workDiaryId()).isEqualTo(DIARY_ID);
        assertThat(invoice.hourlyRate()).isEqualTo(usd("40.00"));
        // Five cells at 40.00 an hour: 33.333 → 33.33, and 5% of it, 1.6665 → 1.67.
        assertThat(invoice.amount()).isEqualTo(usd("33.33"));
        assertThat(invoice.marketplaceFee()).isEqualTo(usd("1.67"));
        assertThat(invoice.issuedAt()).isEqualTo(NEXT_MONDAY_NOON);
        assertThat(invoice.cells()).containsExactly(
                manualCell("2026-11-24T09:00:00Z"), manualCell("2026-11-24T09:10:00Z"), manualCell("2026-11-24T09:20:00Z"),
                new InvoicedCell(CELL, false, List.of()), new InvoicedCell(NEXT_CELL, false, List.of()));
    }

    @Test
    void sevenCellsAt3333AnHourAreInvoicedAs3889() {
        contract = hourly(ContractStatus.ACTIVE, new HourlyTerms(Money.of("33.33", "USD"), null, true, true));
        recordedOnWednesday(by(manual(TUESDAY_NINE, TUESDAY_NINE.plusSeconds(7 * 600), "Migration")))
                .whenThenTimeAdvancesTo(NEXT_MONDAY_NOON)
                .expectEvents(new WorkDiaryWeekLockedEvent(DIARY_ID, CONTRACT_ID, WEEK, 7, 0, INVOICE_ID, NEXT_MONDAY_NOON));

        assertThat(issuedInvoice().amount()).isEqualTo(usd("38.89"));
        assertThat(issuedInvoice().totalCharged()).isEqualTo(usd("40.83"));
    }

    @Test
    void overtimeIsRecordedButNotBilled() {
        contract = hourly(ContractStatus.ACTIVE, new HourlyTerms(usd("40.00"), 1, true, true));
        recordedOnWednesday(by(manual(TUESDAY_NINE, TUESDAY_NINE.plusSeconds(8 * 600), "Migration")))
                .whenThenTimeAdvancesTo(NEXT_MONDAY_NOON)
                .expectEvents(new WorkDiaryWeekLockedEvent(DIARY_ID, CONTRACT_ID, WEEK, 6, 2, INVOICE_ID, NEXT_MONDAY_NOON));

        assertThat(issuedInvoice().amount()).isEqualTo(usd("40.00"));
        assertThat(issuedInvoice().overtimeCells()).isEqualTo(2);
        assertThat(issuedInvoice().cells()).hasSize(6).last()
                .isEqualTo(manualCell("2026-11-24T09:50:00Z"));
    }

    @Test
    void aLimitRaisedLateInTheWeekBillsTheWholeWeekUnderIt() {
        Instant sunday = Instant.parse("2026-11-29T18:00:00Z");
        contract = new ContractStanding(contract.parties(), contract.type(),
                ContractStatus.ACTIVE, contract.acceptedAt(), new HourlyTerms(usd("40.00"), 1, true, true),
                WeeklyLimitSchedule.offered(1).with(new WeeklyLimitChangedEvent(CONTRACT_ID, 1, 2, sunday, sunday)));
        recordedOnWednesday(by(manual(TUESDAY_NINE, TUESDAY_NINE.plusSeconds(8 * 600), "Migration")))
                .whenThenTimeAdvancesTo(NEXT_MONDAY_NOON)
                .expectEvents(new WorkDiaryWeekLockedEvent(DIARY_ID, CONTRACT_ID, WEEK, 8, 0, INVOICE_ID, NEXT_MONDAY_NOON));
    }

    @Test
    void aWeekWithoutBillableTimeLocksWithoutAnInvoice() {
        recordedOnWednesday(by(record(CELL)), by(new DeleteSegmentCommand(CONTRACT_ID, CELL)))
                .whenThenTimeAdvancesTo(NEXT_MONDAY_NOON)
                .expectEvents(new WorkDiaryWeekLockedEvent(DIARY_ID, CONTRACT_ID, WEEK, 0, 0, null, NEXT_MONDAY_NOON))
                .expectNoScheduledDeadlines();
        assertThat(invoiceStore.readEvents(INVOICE_ID).asStream()).isEmpty();
    }

    @Test
    void aLockFiringTwiceLocksAndInvoicesOnce() {
        WorkDiaryWeekLockedEvent locked = new WorkDiaryWeekLockedEvent(DIARY_ID, CONTRACT_ID, WEEK, 1, 0, INVOICE_ID,
                NEXT_MONDAY_NOON);
        fixture.givenCurrentTime(NEXT_MONDAY_NOON)
                .andGiven(recorded(CELL, WEDNESDAY_NOON), locked)
                .whenInvoking(DIARY_ID, diary -> {
                    try {
                        diary.on(new WeekLockDeadline(NEXT_MONDAY_NOON), this::standing, WorkDiaryPolicy.defaults(),
                                EscrowPolicy.defaults(), new StubDeadlineManager());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .expectNoEvents();
        assertThat(invoiceStore.readEvents(INVOICE_ID).asStream()).isEmpty();
    }

    @Test
    void aLockedWeekTakesNoMoreChangesEvenBeforeTheClockSaysSo() {
        Instant mondayMorning = Instant.parse("2026-11-30T08:00:00Z");
        fixture.givenCurrentTime(mondayMorning)
                .andGiven(recorded(CELL, WEDNESDAY_NOON),
                        new WorkDiaryWeekLockedEvent(DIARY_ID, CONTRACT_ID, WEEK, 1, 0, INVOICE_ID, mondayMorning))
                .when(new DeleteSegmentCommand(CONTRACT_ID, CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("cellDateTime", "cellDateTime.locked-week"));
    }

    @Test
    void theFreelancersMondayMorningReviewIsBilledAsLeftAtNoon() {
        Instant mondayMorning = Instant.parse("2026-11-30T08:00:00Z");
        fixture.givenCurrentTime(mondayMorning)
                .andGivenCommands(by(record(CELL)), by(record(NEXT_CELL)), by(new DeleteSegmentCommand(CONTRACT_ID, NEXT_CELL)))
                .whenThenTimeAdvancesTo(NEXT_MONDAY_NOON)
                .expectEvents(new WorkDiaryWeekLockedEvent(DIARY_ID, CONTRACT_ID, WEEK, 1, 0, INVOICE_ID, NEXT_MONDAY_NOON));
        assertThat(issuedInvoice().cells()).containsExactly(new InvoicedCell(CELL, false, List.of()));
    }

    private TestExecutor<WorkDiary> recordedOnWednesday(CommandMessage<?>... commands) {
        return fixture.givenCurrentTime(WEDNESDAY_NOON).andGivenCommands((Object[]) commands);
    }

    private static CommandMessage<?> by(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(FREELANCER.asMetaData());
    }

    private ContractStanding standing(String contractId) {
        return contract;
    }

    private InvoiceIssuedEvent issuedInvoice() {
        return invoiceStore.readEvents(INVOICE_ID).asStream()
                .map(EventMessage::getPayload)
                .filter(InvoiceIssuedEvent.class::isInstance)
                .map(InvoiceIssuedEvent.class::cast)
                .findFirst().orElseThrow();
    }

    private static InvoicedCell manualCell(String at) {
        return new InvoicedCell(Instant.parse(at), true, List.of(UnprotectedReason.MANUAL));
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
