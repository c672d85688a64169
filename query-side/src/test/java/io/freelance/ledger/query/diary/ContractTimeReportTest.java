package io.freelance.ledger.query.diary;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import io.freelance.ledger.diary.CellProtection;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.diary.ContractTimeReport.ContractTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time report's computation: weeks assessed whole, only the range's days counted, charged as invoices bill. */
class ContractTimeReportTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static final LocalDate NEXT_MONDAY = MONDAY.plusWeeks(1);
    private static final List<MinuteActivity> BUSY = Collections.nCopies(10, new MinuteActivity(30, 12));

    private final WorkDiaryWeeks weeks = new WorkDiaryWeeks(new CellProtection(1), () -> Instant.parse("2027-01-01T00:00:00Z"));

    @Test
    void aRangeCuttingAWeekCountsItsDaysWithTheWholeWeeksOvertimeAndChargesNoOvertime() {
        ContractView contract = contract("hourly-1", usd("60.00"), 1);
        List<RecordedCell> cells = new ArrayList<>(tracked(at(MONDAY, 9), 4));
        cells.addAll(tracked(at(MONDAY.plusDays(1), 9), 4));
        cells.add(RecordedCell.manual(at(MONDAY.plusDays(1), 12), "Call", at(MONDAY.plusDays(1), 13)));

        WorkDiaryTotals tuesday = weeks.totalsOfDays(contract, List.of(week(contract, MONDAY, cells)), MONDAY.plusDays(1),
                MONDAY.plusDays(3));

        // Monday's 4 cells fill 40 of the 60 minutes: Tuesday bills 2 cells, the other 3 are overtime.
        assertThat(tuesday.trackedMinutes()).isEqualTo(40);
        assertThat(tuesday.manualMinutes()).isEqualTo(10);
        assertThat(tuesday.overtimeMinutes()).isEqualTo(30);
        assertThat(tuesday.billableMinutes()).isEqualTo(20);
        assertThat(tuesday.amount()).isEqualTo(usd("20.00"));
    }

    @Test
    void wholeWeeksAreChargedExactlyWhatTheirInvoicesBill() {
        ContractView contract = contract("hourly-1", usd("33.33"), null);
        List<RecordedWeek> twoWeeks = List.of(week(contract, MONDAY, tracked(at(MONDAY, 9), 7)),
                week(contract, NEXT_MONDAY, tracked(at(NEXT_MONDAY, 9), 7)));

        WorkDiaryTotals totals = weeks.totalsOfDays(contract, twoWeeks, MONDAY, NEXT_MONDAY.plusDays(6));

        // Each week's invoice rounds 7 × 33.33 / 6 = 38.885 to 38.89; fourteen cells rounded at once would be 77.77.
        assertThat(totals.amount()).isEqualTo(usd("77.78"));
        assertThat(totals.billableMinutes()).isEqualTo(140);
    }

    @Test
    void hoursAddUpAcrossContractsAndChargesPerCurrency() {
        ContractView dollars = contract("hourly-1", usd("60.00"), null);
        ContractView euros = contract("hourly-2", new Money(new BigDecimal("30.00"), "EUR"), null);
        List<RecordedCell> euroCells = new ArrayList<>(tracked(at(MONDAY, 9), 2));
        euroCells.add(RecordedCell.manual(at(MONDAY, 12), "Call", at(MONDAY, 13)));
        ContractTime dollarLine = line(dollars, List.of(week(dollars, MONDAY, tracked(at(MONDAY, 9), 3))));
        ContractTime euroLine = line(euros, List.of(week(euros, MONDAY, euroCells)));

        ContractTimeReport mixed = new ContractTimeReport(MONDAY, MONDAY, List.of(dollarLine, euroLine));
        ContractTimeReport dollarsOnly = new ContractTimeReport(MONDAY, MONDAY, List.of(dollarLine));

        assertThat(mixed.totalHoursWorked()).isEqualByComparingTo("1.00");
        assertThat(mixed.totalOnlineHoursWorked()).isEqualByComparingTo("0.83");
        assertThat(mixed.totalOfflineHoursWorked()).isEqualByComparingTo("0.17");
        assertThat(mixed.charges()).containsExactly(new Money(new BigDecimal("15.00"), "EUR"), usd("30.00"));
        assertThat(mixed.totalCharges()).isNull();
        assertThat(dollarsOnly.totalCharges()).isEqualTo(usd("30.00"));
        assertThat(new ContractTimeReport(MONDAY, MONDAY, List.of()).charges()).isEmpty();
    }

    @Test
    void aRangeReadsEveryWeekItTouches() {
        assertThat(ContractTimeReports.mondaysCovering(MONDAY.plusDays(6), NEXT_MONDAY))
                .containsExactly(MONDAY, NEXT_MONDAY);
        assertThat(ContractTimeReports.mondaysCovering(MONDAY.plusDays(2), MONDAY.plusDays(3))).containsExactly(MONDAY);
    }

    private ContractTime line(ContractView contract, List<RecordedWeek> recorded) {
        return new ContractTime(contract.id(), contract.title(), weeks.totalsOfDays(contract, recorded, MONDAY, MONDAY));
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour));
    }

    private static List<RecordedCell> tracked(Instant first, int count) {
        List<RecordedCell> cells = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Instant cell = first.plus(Duration.ofMinutes(10L * index));
            cells.add(new RecordedCell(cell, false, BUSY, "Checkout", "Coding", "IDE", "ab".repeat(32), cell.plus(Duration.ofMinutes(10))));
        }
        return cells;
    }

    private static RecordedWeek week(ContractView contract, LocalDate monday, List<RecordedCell> cells) {
        return new RecordedWeek(WorkDiaryId.forWeek(contract.id(), monday), contract.id(), monday, cells.size() - 1, cells, null, null);
    }

    private static ContractView contract(String id, Money rate, Integer weeklyLimitHours) {
        WeeklyLimitSchedule limits = WeeklyLimitSchedule.offered(weeklyLimitHours);
        return new ContractView(id, ContractType.HOURLY, "Support", ContractStatus.ACTIVE, "alice", "carol",
                rate.currency(), new HourlyTerms(rate, weeklyLimitHours, true, true), List.of(), null, null,
                null, null, null, null, null, null, limits, null, null, null, null, 1);
    }
}
