package io.freelance.ledger.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.freelance.ledger.common.Money;
import java.util.Objects;

/**
 * One side of a journal entry: a signed amount on one account (positive: into the account).
 * <p>
 * Stored as {@link Stored}: the account's name under {@code account}, as every leg has been stored, plus
 * its {@code kind} and {@code ownerId}, so readers of the events get the owner and kind as fields.
 */
public record JournalLeg(LedgerAccount account, Money amount) {

    public JournalLeg {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
    }

    /** The JSON of a leg inside a stored event. */
    record Stored(String account, AccountKind kind, String ownerId, Money amount) {
    }

    @JsonValue
    Stored stored() {
        return new Stored(account.name(), account.kind(), account.ownerId(), amount);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static JournalLeg fromStored(Stored stored) {
        if (stored.kind() == null) {
            return new JournalLeg(accountOfLegStoredWithoutKind(stored.account()), stored.amount());
        }
        LedgerAccount account = new LedgerAccount(stored.kind(), stored.ownerId());
        if (stored.account() != null && !stored.account().equals(account.name())) {
            throw new IllegalArgumentException("A journal leg names account " + stored.account() + " but its kind "
                    + stored.kind() + " and owner " + stored.ownerId() + " make " + account.name());
        }
        return new JournalLeg(account, stored.amount());
    }

    /**
     * COMPATIBILITY: legs stored before legs carried their kind and owner hold only the account's name.
     * The name is read back into the account here, once, when such an event is read; nothing else takes
     * names apart. Kept here (a Jackson creator) rather than in an Axon upcaster because legs sit inside
     * several event types and every reader of them (aggregates, projections, replays) goes through this.
     */
    private static LedgerAccount accountOfLegStoredWithoutKind(String name) {
        return LedgerAccount.named(name).orElseThrow(() -> new IllegalArgumentException(
                "A journal leg stored without an account kind names " + name + ", which is not in the chart of accounts"));
    }
}
