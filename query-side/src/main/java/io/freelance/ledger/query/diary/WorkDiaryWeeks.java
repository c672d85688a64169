package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import io.freelance.ledger.diary.AssessedCell;
import io.freelance.ledger.diary.CellProtection;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.diary.WorkDiaryTimeCell.CellMinute;
import io.freelance.ledger.query.diary.WorkDiaryWeek.WorkDay;
import io.freelance.ledger.query.diary.screenshot.ScreenshotVariant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes the review screens' week from the recorded cells and the contract: which cells are overtime under
 * the limit that bounds the week ({@link WeeklyLimitSchedule}), which are protected and why not (the one
 * rule, {@link CellProtection}, with the configured activity threshold), and the days' and week's totals.
 * Computed at every read: a cell recorded late for Monday or a raised limit changes other cells' overtime.
 */
public class WorkDiaryWeeks {

    private static final int DAYS_PER_WEEK = 7;

    private final CellProtection protection;
    private final Supplier<Instant> now;

    /** @param now the service's clock, to tell whether a week is locked */
    public WorkDiaryWeeks(CellProtection protection, Supplier<Instant> now) {
        this.protection = protection;
        this.now = now;
    }

    /** {@code contract} must be hourly: its rate prices the week, its weekly limits bound it. */
    public WorkDiaryWeek assemble(ContractView contract, RecordedWeek week) {
        LocalDate monday = week.weekStart();
        Integer limit = weeklyLimits(contract).limitForWeek(monday);
        Map<Instant, AssessedCell> assessed = new HashMap<>();
        protection.assessWeek(week.cells().stream().map(RecordedCell::protectionInput).toList(), limit)
                .forEach(cell -> assessed.put(cell.cell().cellDateTime(), cell));
        List<List<WorkDiaryTimeCell>> cellsByDay = new ArrayList<>();
        for (int day = 0; day < DAYS_PER_WEEK; day++) {
            cellsByDay.add(new ArrayList<>());
        }
        List<WorkDiaryTimeCell> allCells = new ArrayList<>(week.cells().size());
        for (RecordedCell cell : week.cells()) {
            WorkDiaryTimeCell shown = show(cell, assessed.get(cell.cellDateTime()));
            int dayOfWeek = cell.cellDateTime().atOffset(ZoneOffset.UTC).getDayOfWeek().getValue() - 1;
            cellsByDay.get(dayOfWeek).add(shown);
            allCells.add(shown);
        }
        List<WorkDay> days = new ArrayList<>(DAYS_PER_WEEK);
        for (int day = 0; day < DAYS_PER_WEEK; day++) {
            List<WorkDiaryTimeCell> cells = cellsByDay.get(day);
            days.add(new WorkDay(monday.plusDays(day), cells, WorkDiaryTotals.of(cells, contract.hourlyTerms().hourlyRate())));
        }
        Instant lockedFrom = UtcWeek.lockedFrom(monday);
        return new WorkDiaryWeek(contract.id(), monday, limit, contract.hourlyTerms().hourlyRate(), lockedFrom,
                week.lockedAt() != null || !now.get().isBefore(lockedFrom), week.invoiceId(), days, WorkDiaryTotals.of(allCells, contract.hourlyTerms().hourlyRate()));
    }

    /**
     * The contract's time and charges on the days from {@code from} to {@code to} (both included) of
     * {@code recordedWeeks}: each week is assessed whole, as the week screen and the invoice assess it, then
     * only the days in the range are counted ({@link WorkDiaryTotals#ofDays}).
     */
    public WorkDiaryTotals totalsOfDays(ContractView contract, Collection<RecordedWeek> recordedWeeks, LocalDate from,
                                        LocalDate to) {
        WorkDiaryTotals totals = WorkDiaryTotals.of(List.of(), contract.hourlyTerms().hourlyRate());
        for (RecordedWeek week : recordedWeeks) {
            totals = totals.plus(WorkDiaryTotals.ofDays(assemble(contract, week), from, to));
        }
        return totals;
    }

    /** Documents written before the contract read model kept the changes have only the offered limit. */
    private static WeeklyLimitSchedule weeklyLimits(ContractView contract) {
        return contract.weeklyLimits() != null ? contract.weeklyLimits()
                : WeeklyLimitSchedule.offered(contract.hourlyTerms().weeklyLimitHours());
    }

    private static WorkDiaryTimeCell show(RecordedCell cell, AssessedCell assessment) {
        String hash = cell.screenshotHash();
        return new WorkDiaryTimeCell(
                cell.cellDateTime(),
                cell.activityLevel(),
                MinuteActivity.keyboardEvents(cell.minutes()),
                MinuteActivity.mouseEvents(cell.minutes()),
                cell.memo(),
                cell.manual(),
                assessment.overtime(),
                hash != null,
                hash,
                hash == null ? null : ScreenshotVariant.ORIGINAL.path(hash),
                hash == null ? null : ScreenshotVariant.MEDIUM.path(hash),
                hash == null ? null : ScreenshotVariant.THUMBNAIL.path(hash),
                cell.activeWindowTitle(),
                cell.activityLabel(),
                minutes(cell),
                assessment.isProtected(),
                assessment.unprotectedReasons(),
                cell.recordedAt());
    }

    private static List<CellMinute> minutes(RecordedCell cell) {
        List<CellMinute> minutes = new ArrayList<>(cell.minutes().size());
        for (int minute = 0; minute < cell.minutes().size(); minute++) {
            MinuteActivity activity = cell.minutes().get(minute);
            minutes.add(new CellMinute(cell.cellDateTime().plus(Duration.ofMinutes(minute)), activity.keyboard(), activity.mouse()));
        }
        return minutes;
    }
}
