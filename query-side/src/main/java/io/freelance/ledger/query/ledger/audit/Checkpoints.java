package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.query.ledger.audit.DailyCheckpointBuilder.IndexRange;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Daily balance checkpoints by recorded time: for every balance, its balance at the end of each UTC day
 * before {@code openDay} on which it moved; for every such day, the range of global indexes its money
 * movements were stored at. Movements recorded on or after {@code openDay} are stored from
 * {@code openFromIndex} on. Written by the audit that read up to {@code upToIndex}.
 */
public record Checkpoints(LocalDate openDay, long openFromIndex, long upToIndex, String auditId,
                          Map<String, BalanceCheckpoints> balances, NavigableMap<LocalDate, IndexRange> dayRanges) {

    /**
     * A balance at the end of each day it moved, in minor units: two parallel arrays, the days (days since
     * 1970-01-01, UTC, ascending) and the balances at their ends. Arrays rather than a map of dates, because a
     * year of days for each of thousands of balances is built by every audit and read by every as-of answer.
     */
    public record BalanceCheckpoints(ShadowBalance balance, long[] epochDays, long[] endOfDayMinorUnits) {

        public BalanceCheckpoints {
            if (epochDays.length != endOfDayMinorUnits.length) {
                throw new IllegalArgumentException("Each checkpoint day needs its balance");
            }
        }

        /** The balance at the end of the last day before {@code day}; zero before the first movement. */
        public long before(LocalDate day) {
            if (day.equals(LocalDate.MIN)) {
                return 0;
            }
            int found = Arrays.binarySearch(epochDays, day.toEpochDay());
            int lastBefore = (found >= 0 ? found : -found - 1) - 1;
            return lastBefore < 0 ? 0 : endOfDayMinorUnits[lastBefore];
        }
    }

    /** No audit has written checkpoints: every as-of read starts from the first event. */
    public static Checkpoints none() {
        return new Checkpoints(LocalDate.MIN, 0, -1, null, Map.of(), new java.util.TreeMap<>());
    }

    public boolean exist() {
        return auditId != null;
    }
}
