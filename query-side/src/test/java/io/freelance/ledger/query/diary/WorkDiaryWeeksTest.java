package io.freelance.ledger.query.diary;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.WeeklyLimitChangedEvent;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import io.freelance.ledger.diary.CellProtection;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.UnprotectedReason;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.query.contract.ContractView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review screens' week: overtime under the week's limit, protection and its reasons, totals and the amount. */
class WorkDiaryWeeksTest {

    private static final String CONTRACT = "hourly-1";
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static final Instant MONDAY_NINE = Instant.parse("2026-11-30T09:00:00Z");
    private static final String HASH = "ab".repeat(32);
    private static final List<MinuteActivity> BUSY = Collections.nCopies(10, new MinuteActivity(30, 12));
    private static final List<MinuteActivity> IDLE = Collections.nCopies(10, new MinuteActivity(0, 0));

    private final WorkDiaryWeeks weeks = new WorkDiaryWeeks(new CellProtection(1), () -> MONDAY_NINE.plus(Duration.ofDays(2)));

    @Test
    void cellsBeyondTheWeeklyLimitAreOvertimeInTimeOrderAndNotBilled() {
        List<RecordedCell> cells = new ArrayList<>();
        for (int index = 0; index < 8; index++) {
            cells.add(tracked(MONDAY_NINE.plus(Duration.ofMinutes(10L * index)), HASH, BUSY));
        }

        WorkDiaryWeek week = weeks.assemble(contract(usd("45.50"), WeeklyLimitSchedule.offered(1)), week(cells));

        assertThat(week.weeklyLimitHours()).isEqualTo(1);
        assertThat(week.cells()).extracting(WorkDiaryTimeCell::overtime)
                .containsExactly(false, false, false, false, false, false, true, true);
        assertThat(week.cells().get(6).unprotectedReasons()).containsExactly(UnprotectedReason.OVERTIME);
        assertThat(week.totals().trackedMinutes()).isEqualTo(80);
        assertThat(week.totals().overtimeMinutes()).isEqualTo(20);
        assertThat(week.totals().billableMinutes()).isEqualTo(60);
        assertThat(week.totals().billableHours()).isEqualByComparingTo("1.00");
        assertThat(week.totals().amount()).isEqualTo(usd("45.50"));
    }

    @Test
    void eachCellSaysWhyItIsNotProtected() {
        List<RecordedCell> cells = List.of(
                tracked(MONDAY_NINE, HASH, BUSY),
                tracked(MONDAY_NINE.plus(Duration.ofMinutes(10)), null, BUSY),
                tracked(MONDAY_NINE.plus(Duration.ofMinutes(20)), HASH, IDLE),
                RecordedCell.manual(MONDAY_NINE.plus(Duration.ofMinutes(30)), "Call", MONDAY_NINE));

        WorkDiaryWeek week = weeks.assemble(contract(usd("45.50"), WeeklyLimitSchedule.offered(null)), week(cells));

        assertThat(week.cells()).extracting(WorkDiaryTimeCell::getProtected, WorkDiaryTimeCell::unprotectedReasons)
                .containsExactly(
                        tuple(true, List.of()),
                        tuple(false, List.of(UnprotectedReason.NO_SCREENSHOT)),
                        tuple(false, List.of(UnprotectedReason.LOW_ACTIVITY)),
                        tuple(false, List.of(UnprotectedReason.MANUAL)));
        assertThat(week.totals().protectedMinutes()).isEqualTo(10);
        assertThat(week.totals().manualMinutes()).isEqualTo(10);
        assertThat(week.totals().trackedMinutes()).isEqualTo(30);
    }

    @Test
    void aCellShowsUpworksFieldsAndLinksToItsScreenshot() {
        List<MinuteActivity> minutes = new ArrayList<>(BUSY);
        minutes.set(0, new MinuteActivity(0, 0));
        minutes.set(9, new MinuteActivity(5, 0));

        WorkDiaryTimeCell cell = weeks.assemble(contract(usd("45.50"), WeeklyLimitSchedule.offered(null)),
                week(List.of(tracked(MONDAY_NINE, HASH, minutes)))).cells().get(0);

        assertThat(cell.activityLevel()).isEqualTo(9);
        assertThat(cell.keyboardEventsCount()).isEqualTo(8 * 30 + 5);
        assertThat(cell.mouseEventsCount()).isEqualTo(8 * 12);
        assertThat(cell.minutes()).hasSize(10);
        assertThat(cell.minutes().get(9).time()).isEqualTo(MONDAY_NINE.plus(Duration.ofMinutes(9)));
        assertThat(cell.minutes().get(9).keyboard()).isEqualTo(5);
        assertThat(cell.hasScreenshot()).isTrue();
        assertThat(cell.screenshotImageUrl()).isEqualTo("/screenshots/" + HASH);
        assertThat(cell.screenshotImageUrlMedium()).isEqualTo("/screenshots/" + HASH + "/medium");
        assertThat(cell.screenshotImageThumbnail()).isEqualTo("/screenshots/" + HASH + "/thumbnail");
    }

    /** An increase made on Wednesday counts for the whole of that week. */
    @Test
    void aLimitRaisedDuringTheWeekBoundsTheWholeWeek() {
        WeeklyLimitSchedule raised = WeeklyLimitSchedule.offered(1).with(new WeeklyLimitChangedEvent(CONTRACT, 1, 2,
                MONDAY_NINE.plus(Duration.ofDays(2)), MONDAY_NINE.plus(Duration.ofDays(2))));
        List<RecordedCell> cells = new ArrayList<>();
        for (int index = 0; index < 8; index++) {
            cells.add(tracked(MONDAY_NINE.plus(Duration.ofMinutes(10L * index)), HASH, BUSY));
        }

        WorkDiaryWeek week = weeks.assemble(contract(usd("45.50"), raised), week(cells));

        assertThat(week.weeklyLimitHours()).isEqualTo(2);
        assertThat(week.totals().overtimeMinutes()).isZero();
    }

    @Test
    void theWeekHasSevenDaysEachWithItsOwnCellsAndTotals() {
        List<RecordedCell> cells = List.of(
                tracked(MONDAY_NINE, HASH, BUSY),
                tracked(MONDAY_NINE.plus(Duration.ofDays(6)).plus(Duration.ofHours(14)), HASH, BUSY));

        WorkDiaryWeek week = weeks.assemble(contract(usd("45.50"), WeeklyLimitSchedule.offered(null)), week(cells));

        assertThat(week.workDays()).extracting(WorkDiaryWeek.WorkDay::date)
                .containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3), MONDAY.plusDays(4),
                        MONDAY.plusDays(5), MONDAY.plusDays(6));
        assertThat(week.workDays()).extracting(day -> day.workDiaryTimeCells().size()).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(week.day(MONDAY.plusDays(6)).totals().trackedMinutes()).isEqualTo(10);
        assertThat(WorkDiaryDay.of(week, MONDAY.plusDays(6)).workDiaryTimeCells()).hasSize(1);
        assertThat(week.locked()).isFalse();
        assertThat(week.lockedFrom()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    }

    /** 7 cells at 45.50 an hour are 53.0833…: priced as invoices price them, rounded half-up once. */
    @Test
    void theAmountIsTheBillableTimeAtTheRateRoundedHalfUpToTheCent() {
        List<RecordedCell> cells = new ArrayList<>();
        for (int index = 0; index < 7; index++) {
            cells.add(tracked(MONDAY_NINE.plus(Duration.ofMinutes(10L * index)), HASH, BUSY));
        }

        WorkDiaryWeek week = weeks.assemble(contract(usd("45.50"), WeeklyLimitSchedule.offered(null)), week(cells));

        assertThat(week.totals().amount()).isEqualTo(usd("53.08"));
        assertThat(week.totals().billableHours()).isEqualTo(new BigDecimal("1.17"));
        assertThat(week.day(MONDAY).totals().amount()).isEqualTo(usd("53.08"));
        assertThat(week.day(MONDAY.plusDays(1)).totals().billableHours()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aWeekIsLockedOnceItsLockWasAppliedOrItsTimeHasCome() {
        RecordedWeek lockedEarly = new RecordedWeek(WorkDiaryId.forWeek(CONTRACT, MONDAY), CONTRACT, MONDAY, 1,
                List.of(tracked(MONDAY_NINE, HASH, BUSY)), Instant.parse("2026-12-07T12:00:00Z"), "invoice-1");
        WorkDiaryWeeks afterTheLock = new WorkDiaryWeeks(new CellProtection(1), () -> Instant.parse("2026-12-07T12:00:00Z"));
        ContractView contract = contract(usd("45.50"), WeeklyLimitSchedule.offered(null));

        assertThat(weeks.assemble(contract, lockedEarly).locked()).isTrue();
        assertThat(weeks.assemble(contract, lockedEarly).invoiceId()).isEqualTo("invoice-1");
        assertThat(afterTheLock.assemble(contract, week(List.of())).locked()).isTrue();
    }

    private static RecordedCell tracked(Instant cell, String hash, List<MinuteActivity> minutes) {
        return new RecordedCell(cell, false, minutes, "Checkout", "Coding", "IDE", hash, cell.plus(Duration.ofMinutes(10)));
    }

    private static RecordedWeek week(List<RecordedCell> cells) {
        return new RecordedWeek(WorkDiaryId.forWeek(CONTRACT, MONDAY), CONTRACT, MONDAY, cells.size() - 1, cells, null, null);
    }

    private static ContractView contract(Money rate, WeeklyLimitSchedule limits) {
        return new ContractView(CONTRACT, ContractType.HOURLY, "Support", ContractStatus.ACTIVE, "alice", "carol",
                rate.currency(), new HourlyTerms(rate, limits.limitAt(Instant.EPOCH), true, true), List.of(), null, null,
                null, null, null, null, null, null, limits, null, null, null, null, 1);
    }
}
