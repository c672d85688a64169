package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.LedgerInvariants;
import io.freelance.ledger.query.ledger.MinorUnits;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's balances rebuilt from the event history, in memory: the replay adds every entry's legs,
 * and the result is written to the shadow collections in one bulk at the end. It follows the live ledger's
 * rules: each entry must balance (checked again here), and an entry id seen before is a repeat that
 * counts once. Optionally it also keeps the balances as of one instant, by recorded time and by effective
 * time, and the daily movements the as-of checkpoints are made of.
 */
public final class ShadowLedger {

    private static final Logger log = LoggerFactory.getLogger(ShadowLedger.class);

    private final Map<String, ShadowBalance> balances = new HashMap<>();
    private final Set<String> entryIds = new HashSet<>();
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
        LedgerInvariants.requireBalanced(movement.entry());
        if (!entryIds.add(movement.entry().entryId())) {
            repeatsIgnored++;
            log.warn("Journal entry {} at index {} repeats an entry already applied; counted once, as the ledger does",
                    movement.entry().entryId(), movement.globalIndex());
            return;
        }
        movementsApplied++;
        boolean recordedByAsOf = asOf != null && !movement.recordedAt().isAfter(asOf);
        boolean effectiveByAsOf = asOf != null && !movement.entry().effectiveAt().isAfter(asOf);
        for (JournalLeg leg : movement.entry().legs()) {
            String currency = leg.amount().currency();
            String balanceId = LedgerFields.balanceId(leg.account().name(), currency);
            long minorUnits = MinorUnits.of(leg.amount());
            balances.computeIfAbsent(balanceId, id -> ShadowBalance.of(leg.account(), currency)).add(minorUnits);
            if (recordedByAsOf) {
                asOfRecorded.computeIfAbsent(balanceId, id -> ShadowBalance.of(leg.account(), currency)).add(minorUnits);
            }
            if (effectiveByAsOf) {
                asOfEffective.computeIfAbsent(balanceId, id -> ShadowBalance.of(leg.account(), currency)).add(minorUnits);
            }
            if (checkpoints != null) {
                checkpoints.moved(balanceId, leg.account(), currency, movement.recordedAt(), minorUnits);
            }
        }
        if (checkpoints != null) {
            checkpoints.recorded(movement.globalIndex(), movement.recordedAt());
        }
    }

    /** By balance id ({@code account|currency}). */
    public Map<String, ShadowBalance> balances() {
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
