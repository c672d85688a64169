package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.LedgerInvariants;
import io.freelance.ledger.query.ledger.MinorUnits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * The entry's constructor already refused an unbalanced entry; the moves repeat the ledger's check in minor
     * units, which costs a few additions, and only a failing entry pays for the full check and its message.
     */
    private static List<BalanceMove> checkedMovesOf(JournalEntry entry) {
        if (entry.legs() == null || entry.legs().size() < 2) {
            LedgerInvariants.requireBalanced(entry);
        }
        BalanceMove[] moves = new BalanceMove[entry.legs().size()];
        for (int leg = 0; leg < moves.length; leg++) {
            JournalLeg journalLeg = entry.legs().get(leg);
            String currency = journalLeg.amount().currency();
            moves[leg] = new BalanceMove(LedgerFields.balanceId(journalLeg.account().name(), currency), journalLeg.account(),
                    currency, minorUnitsOf(journalLeg));
        }
        if (!netsToZero(moves)) {
            LedgerInvariants.requireBalanced(entry);
        }
        return List.of(moves);
    }

    private static boolean netsToZero(BalanceMove[] moves) {
        String currency = moves[0].currency();
        long sum = 0;
        for (BalanceMove move : moves) {
            if (!move.currency().equals(currency)) {
                return netsToZeroPerCurrency(moves);
            }
            sum = Math.addExact(sum, move.minorUnits());
        }
        return sum == 0;
    }

    private static boolean netsToZeroPerCurrency(BalanceMove[] moves) {
        Map<String, Long> sums = new HashMap<>(4);
        for (BalanceMove move : moves) {
            sums.merge(move.currency(), move.minorUnits(), Math::addExact);
        }
        return sums.values().stream().allMatch(sum -> sum == 0);
    }

    /**
     * Money is held at its currency's scale, so its unscaled value is the amount in minor units, as {@link
     * MinorUnits#of} works it out with a currency lookup; a currency without minor units (scale below zero)
     * goes the long way.
     */
    private static long minorUnitsOf(JournalLeg leg) {
        BigDecimal amount = leg.amount().amount();
        return amount.scale() >= 0 ? amount.unscaledValue().longValueExact() : MinorUnits.of(leg.amount());
    }
}
