package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.query.ledger.audit.DailyCheckpointBuilder.IndexRange;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Daily balance checkpoints by recorded time: for every balance, its balance at the end of each UTC day
 * before {@code openDay} on which it moved; for every such day, the range of global indexes its money
 * movements were stored at. Movements recorded on or after {@code openDay} are stored from
 * {@code openFromIndex} on. Written by the audit that read up to {@code upToIndex}.
 */
public record Checkpoints(LocalDate openDay, long openFromIndex, long upToIndex, String auditId,
                          Map<String, BalanceCheckpoints> balances, NavigableMap<LocalDate, IndexRange> dayRanges) {

    /** A balance at the end of each day it moved, in minor units. */
    public record BalanceCheckpoints(ShadowBalance balance, NavigableMap<LocalDate, Long> endOfDayMinorUnits) {

        /** The balance at the end of the last day before {@code day}; zero before the first movement. */
        public long before(LocalDate day) {
            return Optional.ofNullable(endOfDayMinorUnits.lowerEntry(day)).map(Map.Entry::getValue).orElse(0L);
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
