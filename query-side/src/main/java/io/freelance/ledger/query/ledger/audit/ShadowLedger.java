package io.freelance.ledger.query.ledger.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's balances rebuilt from the event history, in memory: the replay adds every entry's legs,
 * and the result is written to the shadow collections in one bulk at the end. It follows the live ledger's
 * rules: each entry must balance (checked again where the movement is read, {@link RecordedMovement}), and an entry id seen before is a repeat that
 * counts once. Optionally it also keeps the balances as of one instant, by recorded time and by effective
 * time, and the daily movements the as-of checkpoints are made of.
 */
public final class ShadowLedger {

    private static final Logger log = LoggerFactory.getLogger(ShadowLedger.class);

    /** Each balance with its daily checkpoint sums, by balance id, so each leg costs one lookup. */
    private final Map<String, Slot> slots = new HashMap<>();
    private EntryIdSet entryIds = new EntryIdSet();
    private final Instant asOf;
    private final Map<String, ShadowBalance> asOfRecorded = new HashMap<>();
    private final Map<String, ShadowBalance> asOfEffective = new HashMap<>();
    private final DailyCheckpointBuilder checkpoints;
    private long movementsApplied;
    private long repeatsIgnored;

    /** {@code asOf} may be null: no as-of balances then. */
    public ShadowLedger(Instant asOf, DailyCheckpointBuilder checkpoints) {
        this.asOf = asOf;
        this.checkpoints = checkpoints;
    }

    public void apply(RecordedMovement movement) {
        if (entryIds == null) {
            throw new IllegalStateException("The replay has read its last event; nothing more can be applied");
        }
        if (!entryIds.add(movement.entry().entryId())) {
            repeatsIgnored++;
            log.warn("Journal entry {} at index {} repeats an entry already applied; counted once, as the ledger does",
                    movement.entry().entryId(), movement.globalIndex());
            return;
        }
        movementsApplied++;
        boolean recordedByAsOf = asOf != null && !movement.recordedAt().isAfter(asOf);
        boolean effectiveByAsOf = asOf != null && !movement.entry().effectiveAt().isAfter(asOf);
        for (RecordedMovement.BalanceMove move : movement.moves()) {
            Slot slot = slotOf(move);
            slot.balance.add(move.minorUnits());
            if (recordedByAsOf) {
                add(asOfRecorded, move);
            }
            if (effectiveByAsOf) {
                add(asOfEffective, move);
            }
            if (slot.days != null) {
                checkpoints.moved(slot.days, movement.recordedEpochDay(), move.minorUnits());
            }
        }
        if (checkpoints != null) {
            checkpoints.recorded(movement.globalIndex(), movement.recordedEpochDay());
        }
    }

    private Slot slotOf(RecordedMovement.BalanceMove move) {
        Slot slot = slots.get(move.balanceId());
        if (slot == null) {
            slot = new Slot(ShadowBalance.of(move.account(), move.currency()), checkpoints == null ? null
                    : checkpoints.daysOf(move.balanceId(), move.account(), move.currency()));
            slots.put(move.balanceId(), slot);
        }
        return slot;
    }

    private static void add(Map<String, ShadowBalance> balances, RecordedMovement.BalanceMove move) {
        ShadowBalance balance = balances.get(move.balanceId());
        if (balance == null) {
            balance = ShadowBalance.of(move.account(), move.currency());
            balances.put(move.balanceId(), balance);
        }
        balance.add(move.minorUnits());
    }

    private record Slot(ShadowBalance balance, DailyCheckpointBuilder.BalanceDays days) {
    }

    /**
     * Called after the last event: the entry ids only told repeats apart, and a million of them hold about
     * 34 MB of heap while the audit waits for the live ledger and compares, in a service that may run in 512 MB.
     */
    public void readingDone() {
        entryIds = null;
    }

    /** By balance id ({@code account|currency}); a new map on each call, for the few readers after the replay. */
    public Map<String, ShadowBalance> balances() {
        Map<String, ShadowBalance> balances = new HashMap<>(slots.size() * 2);
        slots.forEach((balanceId, slot) -> balances.put(balanceId, slot.balance()));
        return balances;
    }

    public Map<String, ShadowBalance> asOfRecorded() {
        return asOfRecorded;
    }

    public Map<String, ShadowBalance> asOfEffective() {
        return asOfEffective;
    }

    public long movementsApplied() {
        return movementsApplied;
    }

    public long repeatsIgnored() {
        return repeatsIgnored;
    }
}
