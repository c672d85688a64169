package io.freelance.ledger.ledger;

import io.freelance.ledger.common.RuleViolation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One account of the chart of accounts: its kind and the id of whom it is kept for (a user id for
 * client and freelancer accounts, the contract id for escrow, none for the platform's fee accounts).
 * Whoever needs the owner or the kind reads these fields; {@link #name()} is how the account is shown
 * and what balances are keyed by, and is never taken apart again except where only a name exists
 * (see {@link #named}).
 */
public record LedgerAccount(AccountKind kind, String ownerId) {

    /** The rule a name that is not in the chart of accounts breaks. */
    public static final String UNKNOWN_ACCOUNT_RULE = "account.unknown";

    public LedgerAccount {
        Objects.requireNonNull(kind, "kind");
        if (kind.owner() == AccountOwner.PLATFORM && ownerId != null) {
            throw new IllegalArgumentException("Platform account " + kind + " has no owner, not " + ownerId);
        }
        // Only presence is checked: ids stored before ids were restricted to a safe alphabet must still read.
        if (kind.owner() != AccountOwner.PLATFORM && (ownerId == null || ownerId.isEmpty())) {
            throw new IllegalArgumentException("Account " + kind + " needs the id of its " + kind.owner().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The account's name in the chart of accounts, such as {@code freelancer:carol:pending}. */
    public String name() {
        return kind.nameOf(ownerId);
    }

    /** The user the account belongs to; null for escrow and platform accounts. */
    public String userId() {
        return kind.owner().isUser() ? ownerId : null;
    }

    /**
     * The account {@code name} names, the exact inverse of {@link #name()}; empty when it names none. Only
     * for the two places that have nothing but a name: an account a person asks for by name, and journal
     * legs stored before legs carried their kind and owner ({@link JournalLeg}).
     */
    public static Optional<LedgerAccount> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(AccountKind.values())
                .map(kind -> kind.accountNamed(name))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The account a name typed by a person names; refused with {@value #UNKNOWN_ACCOUNT_RULE} when it names none. */
    public static LedgerAccount parse(String field, String name) {
        return named(name).orElseThrow(() -> RuleViolation.badRequest(field, UNKNOWN_ACCOUNT_RULE,
                "No such account: an account is named client:{userId}:charges, client:{userId}:refunds, "
                        + "escrow:{contractId}, freelancer:{userId}:pending, freelancer:{userId}:available, "
                        + "platform:fees:service or platform:fees:marketplace."));
    }

    @Override
    public String toString() {
        return name();
    }
}
