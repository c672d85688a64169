package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.ledger.LedgerAccount;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    private final LocalDate openDay;
    private final Map<String, BalanceDays> balances = new HashMap<>();
    private final TreeMap<LocalDate, IndexRange> dayRanges = new TreeMap<>();
    private long openFromIndex = Long.MAX_VALUE;

    public DailyCheckpointBuilder(LocalDate openDay) {
        this.openDay = openDay;
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    void moved(String balanceId, LedgerAccount account, String currency, Instant recordedAt, long minorUnits) {
        LocalDate day = dayOf(recordedAt);
        if (!day.isBefore(openDay)) {
            return;
        }
        balances.computeIfAbsent(balanceId, id -> new BalanceDays(ShadowBalance.of(account, currency)))
                .netByDay.merge(day, minorUnits, Math::addExact);
    }

    void recorded(long globalIndex, Instant recordedAt) {
        LocalDate day = dayOf(recordedAt);
        if (day.isBefore(openDay)) {
            dayRanges.merge(day, new IndexRange(globalIndex, globalIndex), IndexRange::span);
        } else {
            openFromIndex = Math.min(openFromIndex, globalIndex);
        }
    }

    /** The checkpoints of a replay that read up to {@code upToIndex}. */
    public Checkpoints build(long upToIndex, String auditId) {
        Map<String, Checkpoints.BalanceCheckpoints> byBalance = new HashMap<>();
        balances.forEach((balanceId, days) -> {
            TreeMap<LocalDate, Long> cumulative = new TreeMap<>();
            long running = 0;
            for (Map.Entry<LocalDate, Long> net : days.netByDay.entrySet()) {
                running = Math.addExact(running, net.getValue());
                cumulative.put(net.getKey(), running);
            }
            byBalance.put(balanceId, new Checkpoints.BalanceCheckpoints(days.balance, cumulative));
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

    private static final class BalanceDays {
        private final ShadowBalance balance;
        private final TreeMap<LocalDate, Long> netByDay = new TreeMap<>();

        private BalanceDays(ShadowBalance balance) {
            this.balance = balance;
        }
    }
}
