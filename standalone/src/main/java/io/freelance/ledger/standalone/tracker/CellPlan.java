package io.freelance.ledger.standalone.tracker;

import io.freelance.ledger.common.UtcWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Which 10-minute cells a tracker can still record, as the service's rules allow: cells that have ended,
 * that end after the contract was accepted, that lie in a week not locked yet (the previous week stays
 * open until Monday 12:00 UTC), that are not recorded already, and within working hours (UTC).
 */
final class CellPlan {

    static final Duration CELL_LENGTH = Duration.ofMinutes(10);

    private CellPlan() {
    }

    /**
     * The latest {@code count} such cells before {@code now}, in time order; fewer when no more exist.
     *
     * @param workingHours first and last-but-one hour of the working day, e.g. 8 and 18 for 08:00 to 18:00
     */
    static List<Instant> latestCells(Instant now, Instant acceptedAt, Set<Instant> recorded, WorkingHours workingHours,
                                     int count) {
        Instant earliest = earliestRecordable(now, acceptedAt);
        List<Instant> cells = new ArrayList<>();
        for (Instant cell = lastEndedCell(now); !cell.isBefore(earliest) && cells.size() < count;
             cell = cell.minus(CELL_LENGTH)) {
            if (workingHours.contains(cell) && !recorded.contains(cell)) {
                cells.add(cell);
            }
        }
        Collections.reverse(cells);
        return cells;
    }

    /** The start of the latest cell that has ended by {@code now}. */
    static Instant lastEndedCell(Instant now) {
        return alignDown(now).minus(CELL_LENGTH);
    }

    /** The first cell that is neither locked nor over before the contract started. */
    static Instant earliestRecordable(Instant now, Instant acceptedAt) {
        Instant firstEndingAfterAcceptance = alignDown(acceptedAt);
        Instant editableFrom = UtcWeek.editableFrom(now);
        return firstEndingAfterAcceptance.isAfter(editableFrom) ? firstEndingAfterAcceptance : editableFrom;
    }

    /** The start of the cell {@code instant} lies in. */
    static Instant alignDown(Instant instant) {
        Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);
        long minuteOfHour = minute.atOffset(ZoneOffset.UTC).getMinute();
        return minute.minus(Duration.ofMinutes(minuteOfHour % CELL_LENGTH.toMinutes()));
    }

    /** The hours of a UTC day a freelancer works: from {@code fromHour}:00 up to (not including) {@code toHour}:00. */
    record WorkingHours(int fromHour, int toHour) {

        static final WorkingHours ALL_DAY = new WorkingHours(0, 24);

        WorkingHours {
            if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
                throw new IllegalArgumentException("Working hours must satisfy 0 <= from < to <= 24; got " + fromHour
                        + " to " + toHour);
            }
        }

        boolean contains(Instant cell) {
            int hour = cell.atOffset(ZoneOffset.UTC).getHour();
            return hour >= fromHour && hour < toHour;
        }
    }
}
