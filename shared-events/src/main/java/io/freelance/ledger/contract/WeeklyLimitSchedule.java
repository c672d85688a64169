package io.freelance.ledger.contract;

import io.freelance.ledger.common.UtcWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An hourly contract's weekly limit over time: the offered limit, then each change in the order it was
 * made. At any instant the limit is that of the last change already in effect, so a later change wins
 * over an earlier one that takes effect at the same time or later (an increase cancels a pending
 * decrease). Both sides use it: the contract to decide when a change applies, the Work Diary's readers
 * and invoices to know which cells of a week are overtime. A null limit is no limit.
 */
public record WeeklyLimitSchedule(List<Change> changes) {

    /** {@code effectiveFrom} null: the offered limit, in effect from the start. */
    public record Change(Integer weeklyLimitHours, Instant effectiveFrom) {
    }

    public WeeklyLimitSchedule {
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("A schedule starts with the offered limit");
        }
    }

    public static WeeklyLimitSchedule offered(Integer weeklyLimitHours) {
        return new WeeklyLimitSchedule(List.of(new Change(weeklyLimitHours, null)));
    }

    public WeeklyLimitSchedule with(WeeklyLimitChangedEvent event) {
        List<Change> extended = new ArrayList<>(changes);
        extended.add(new Change(event.weeklyLimitHours(), event.effectiveFrom()));
        return new WeeklyLimitSchedule(extended);
    }

    /** The limit in force at {@code instant}. */
    public Integer limitAt(Instant instant) {
        Change inForce = changes.get(0);
        for (Change change : changes) {
            if (change.effectiveFrom() == null || !change.effectiveFrom().isAfter(instant)) {
                inForce = change;
            }
        }
        return inForce.weeklyLimitHours();
    }

    /**
     * The limit that bounds the week starting on {@code monday}: the one in force at its last instant.
     * Decreases only take effect on a Monday and increases at once, so within a week the limit only
     * rises, and an increase made on Wednesday counts for the whole of that week.
     */
    public Integer limitForWeek(LocalDate monday) {
        return limitAt(UtcWeek.startOf(monday).plus(UtcWeek.LENGTH).minusNanos(1));
    }

    /** The limit the last change asked for, whether or not it is in force yet. */
    public Integer latestLimit() {
        return changes.get(changes.size() - 1).weeklyLimitHours();
    }

    /** True when asking for {@code weeklyLimitHours} now would change nothing: it is what was last asked for. */
    public boolean alreadyRequested(Integer weeklyLimitHours) {
        return Objects.equals(latestLimit(), weeklyLimitHours);
    }

    /**
     * When a change to {@code weeklyLimitHours} asked for at {@code now} takes effect: at once when it is no
     * lower than the limit in force (an increase, or undoing a pending decrease), otherwise from the next
     * Monday 00:00 UTC.
     */
    public Instant effectiveFromForChange(Integer weeklyLimitHours, Instant now) {
        return compare(weeklyLimitHours, limitAt(now)) >= 0 ? now : UtcWeek.nextWeekStart(now);
    }

    /** No limit is above every limit. */
    private static int compare(Integer left, Integer right) {
        if (Objects.equals(left, right)) {
            return 0;
        }
        if (left == null) {
            return 1;
        }
        return right == null ? -1 : Integer.compare(left, right);
    }
}
