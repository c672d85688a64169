package io.freelance.ledger.diary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which cells of a week are overtime and which are protected, and why not (DESIGN §4 hourly protection).
 * One implementation for every reader: the diary's read model shows it, invoices bill the cells that
 * are not overtime, hour disputes refund only unprotected cells.
 * <p>
 * Overtime is a property of the week, not of a cell: the cells beyond the weekly limit, in time order,
 * counting manual ones, since the limit bounds what the client pays. A cell recorded late for Monday
 * can therefore turn Friday's last cell into overtime, which is why it is computed here and never stored.
 */
public final class CellProtection {

    public static final int DEFAULT_ACTIVITY_THRESHOLD = 1;
    public static final int CELLS_PER_HOUR = 6;

    private final int activityThreshold;

    /** @param activityThreshold the lowest activity level (0 to 10) a protected cell has */
    public CellProtection(int activityThreshold) {
        if (activityThreshold < 0 || activityThreshold > DiaryInput.MINUTES_PER_CELL) {
            throw new IllegalArgumentException("The activity threshold is from 0 to 10, not " + activityThreshold);
        }
        this.activityThreshold = activityThreshold;
    }

    public int activityThreshold() {
        return activityThreshold;
    }

    /**
     * @param weekCells        the cells recorded in one week of one contract, in any order
     * @param weeklyLimitHours the limit that holds for that week (WeeklyLimitSchedule#limitForWeek), null for none
     * @return the cells in time order, each assessed
     */
    public List<AssessedCell> assessWeek(Collection<DiaryCell> weekCells, Integer weeklyLimitHours) {
        List<DiaryCell> inTimeOrder = weekCells.stream().sorted(Comparator.comparing(DiaryCell::cellDateTime)).toList();
        long billableCells = weeklyLimitHours == null ? Long.MAX_VALUE : (long) weeklyLimitHours * CELLS_PER_HOUR;
        List<AssessedCell> assessed = new ArrayList<>(inTimeOrder.size());
        for (int index = 0; index < inTimeOrder.size(); index++) {
            DiaryCell cell = inTimeOrder.get(index);
            boolean overtime = index >= billableCells;
            assessed.add(new AssessedCell(cell, overtime, unprotectedReasons(cell, overtime)));
        }
        return assessed;
    }

    /**
     * Every reason that applies. A manual cell is unprotected for being manual; that it has no screenshot
     * or activity says nothing more, so those are not listed for it.
     */
    public List<UnprotectedReason> unprotectedReasons(DiaryCell cell, boolean overtime) {
        Set<UnprotectedReason> reasons = EnumSet.noneOf(UnprotectedReason.class);
        if (cell.manual()) {
            reasons.add(UnprotectedReason.MANUAL);
        } else {
            if (!cell.hasScreenshot()) {
                reasons.add(UnprotectedReason.NO_SCREENSHOT);
            }
            if (cell.activityLevel() < activityThreshold) {
                reasons.add(UnprotectedReason.LOW_ACTIVITY);
            }
        }
        if (!cell.hasMemo()) {
            reasons.add(UnprotectedReason.NO_MEMO);
        }
        if (overtime) {
            reasons.add(UnprotectedReason.OVERTIME);
        }
        return List.copyOf(reasons);
    }
}
