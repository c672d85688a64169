package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.ledger.LedgerAccount;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects, during a replay, what {@link DailyCheckpoints} stores: each balance's net movement per UTC day of
 * recorded time, and per day the range of global indexes its money movements were stored at. Only days
 * before {@code openDay} (the day the audit ran) are complete and become checkpoints; the first index of a
 * movement recorded on or after it is where as-of reads of later instants start.
 * <p>
 * Nets are summed by membership (the day an entry was recorded), not in the order events were read, so a
 * checkpoint is exact even where concurrent commits stored events out of timestamp order.
 */
public final class DailyCheckpointBuilder {

    private static final long NO_DAY = Long.MIN_VALUE;
    private static final long SECONDS_PER_DAY = 86_400;

    private final LocalDate openDay;
    private final long openEpochDay;
    private final Map<String, BalanceDays> balances = new HashMap<>();
    private final TreeMap<LocalDate, IndexRange> dayRanges = new TreeMap<>();
    private long openFromIndex = Long.MAX_VALUE;
    private long rangeDay = NO_DAY;
    private long rangeFirst;
    private long rangeLast;

    public DailyCheckpointBuilder(LocalDate openDay) {
        this.openDay = openDay;
        this.openEpochDay = openDay.toEpochDay();
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The UTC day of {@code instant} as days since 1970-01-01, without building a date for every leg. */
    static long epochDayOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
    }

    /** Where one balance's daily sums are kept; looked up once per balance, not once per leg. */
    BalanceDays daysOf(String balanceId, LedgerAccount account, String currency) {
        return balances.computeIfAbsent(balanceId, id -> new BalanceDays(ShadowBalance.of(account, currency)));
    }

    void moved(BalanceDays days, long epochDay, long minorUnits) {
        if (epochDay < openEpochDay) {
            days.add(epochDay, minorUnits);
        }
    }

    void recorded(long globalIndex, long epochDay) {
        if (epochDay >= openEpochDay) {
            openFromIndex = Math.min(openFromIndex, globalIndex);
            return;
        }
        if (epochDay != rangeDay) {
            flushDayRange();
            rangeDay = epochDay;
            rangeFirst = globalIndex;
            rangeLast = globalIndex;
        }
        rangeFirst = Math.min(rangeFirst, globalIndex);
        rangeLast = Math.max(rangeLast, globalIndex);
    }

    private void flushDayRange() {
        if (rangeDay != NO_DAY) {
            dayRanges.merge(LocalDate.ofEpochDay(rangeDay), new IndexRange(rangeFirst, rangeLast), IndexRange::span);
            rangeDay = NO_DAY;
        }
    }

    /** The checkpoints of a replay that read up to {@code upToIndex}. */
    public Checkpoints build(long upToIndex, String auditId) {
        flushDayRange();
        Map<String, Checkpoints.BalanceCheckpoints> byBalance = new HashMap<>();
        balances.forEach((balanceId, days) -> {
            if (days.size > 0) { // a balance that moved only on or after the open day has no checkpoint
                byBalance.put(balanceId, days.endOfDay());
            }
        });
        long openFrom = openFromIndex == Long.MAX_VALUE ? upToIndex + 1 : openFromIndex;
        return new Checkpoints(openDay, openFrom, upToIndex, auditId, byBalance, new TreeMap<>(dayRanges));
    }

    /** Global indexes from {@code first} to {@code last}, both included. */
    public record IndexRange(long first, long last) {

        IndexRange span(IndexRange other) {
            return new IndexRange(Math.min(first, other.first), Math.max(last, other.last));
        }
    }

    /**
     * One balance's net movement per day, as two arrays sorted by day. Events arrive in index order, which is
     * nearly time order, so a movement almost always adds to the last day or starts a new one at the end; a
     * day that comes late (out-of-order commits) is found or inserted by binary search. A map entry per
     * balance and day cost most of the replay's time on the thread that adds up, in allocation alone.
     */
    static final class BalanceDays {
        private final ShadowBalance balance;
        private long[] days = new long[16];
        private long[] nets = new long[16];
        private int size;

        private BalanceDays(ShadowBalance balance) {
            this.balance = balance;
        }

        void add(long epochDay, long minorUnits) {
            int last = size - 1;
            if (size > 0 && days[last] == epochDay) {
                nets[last] = Math.addExact(nets[last], minorUnits);
            } else if (size == 0 || days[last] < epochDay) {
                insert(size, epochDay, minorUnits);
            } else {
                int found = Arrays.binarySearch(days, 0, size, epochDay);
                if (found >= 0) {
                    nets[found] = Math.addExact(nets[found], minorUnits);
                } else {
                    insert(-found - 1, epochDay, minorUnits);
                }
            }
        }

        private void insert(int at, long epochDay, long minorUnits) {
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                nets = Arrays.copyOf(nets, size * 2);
            }
            System.arraycopy(days, at, days, at + 1, size - at);
            System.arraycopy(nets, at, nets, at + 1, size - at);
            days[at] = epochDay;
            nets[at] = minorUnits;
            size++;
        }

        /** The balance at the end of each day it moved, in day order. */
        Checkpoints.BalanceCheckpoints endOfDay() {
            long[] cumulative = new long[size];
            long running = 0;
            for (int day = 0; day < size; day++) {
                running = Math.addExact(running, nets[day]);
                cumulative[day] = running;
            }
            return new Checkpoints.BalanceCheckpoints(balance, Arrays.copyOf(days, size), cumulative);
        }
    }
}
