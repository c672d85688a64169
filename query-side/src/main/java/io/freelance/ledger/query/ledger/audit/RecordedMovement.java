package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.LedgerInvariants;
import io.freelance.ledger.query.ledger.MinorUnits;
import java.time.Instant;
import java.util.List;

/**
 * A stored event that moved money, as the audit reads it: its global index in the event store, when it
 * was stored (the event's timestamp, the entry's recorded time), its type and its journal entry.
 * <p>
 * The entry is checked against the ledger's rules, and each leg's balance id and minor units worked out,
 * where the movement is made: in the audit's reader threads, so the one thread that adds the movements up
 * in index order only adds.
 */
public record RecordedMovement(long globalIndex, Instant recordedAt, String eventType, JournalEntry entry,
                               List<BalanceMove> moves, long recordedEpochDay) {

    public RecordedMovement(long globalIndex, Instant recordedAt, String eventType, JournalEntry entry) {
        this(globalIndex, recordedAt, eventType, entry, checkedMovesOf(entry), DailyCheckpointBuilder.epochDayOf(recordedAt));
    }

    /** One leg as the replay adds it up: to which balance ({@code account|currency}), how many minor units. */
    public record BalanceMove(String balanceId, LedgerAccount account, String currency, long minorUnits) {
    }

    /**
     * The ledger's check of the entry, repeated as the live ledger repeats it, and each leg's balance id and
     * minor units.
     */
    private static List<BalanceMove> checkedMovesOf(JournalEntry entry) {
        LedgerInvariants.requireBalanced(entry);
        BalanceMove[] moves = new BalanceMove[entry.legs().size()];
        for (int leg = 0; leg < moves.length; leg++) {
            JournalLeg journalLeg = entry.legs().get(leg);
            String currency = journalLeg.amount().currency();
            moves[leg] = new BalanceMove(LedgerFields.balanceId(journalLeg.account().name(), currency), journalLeg.account(),
                    currency, MinorUnits.of(journalLeg.amount()));
        }
        return List.of(moves);
    }
}
