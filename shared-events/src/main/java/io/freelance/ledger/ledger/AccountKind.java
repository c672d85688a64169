package io.freelance.ledger.ledger;

import java.util.Optional;

/**
 * The kinds of account in the chart of accounts (DESIGN §5), each with whom it is kept for and how its
 * name is written: a prefix, the owner's id, a suffix; platform accounts have no owner id and the
 * prefix is the whole name.
 * <p>
 * The names are stored in events, so they never change. No two kinds share both prefix and suffix, and
 * no suffix of a kind ends another kind's suffix under the same prefix, so a name belongs to one kind only.
 */
public enum AccountKind {
    CLIENT_CHARGES(AccountOwner.CLIENT, "client:", ":charges"),
    CLIENT_REFUNDS(AccountOwner.CLIENT, "client:", ":refunds"),
    ESCROW(AccountOwner.CONTRACT, "escrow:", ""),
    FREELANCER_PENDING(AccountOwner.FREELANCER, "freelancer:", ":pending"),
    FREELANCER_AVAILABLE(AccountOwner.FREELANCER, "freelancer:", ":available"),
    SERVICE_FEES(AccountOwner.PLATFORM, "platform:fees:service", ""),
    MARKETPLACE_FEES(AccountOwner.PLATFORM, "platform:fees:marketplace", "");

    private final AccountOwner owner;
    private final String namePrefix;
    private final String nameSuffix;

    AccountKind(AccountOwner owner, String namePrefix, String nameSuffix) {
        this.owner = owner;
        this.namePrefix = namePrefix;
        this.nameSuffix = nameSuffix;
    }

    public AccountOwner owner() {
        return owner;
    }

    String nameOf(String ownerId) {
        return owner == AccountOwner.PLATFORM ? namePrefix : namePrefix + ownerId + nameSuffix;
    }

    /** The account of this kind that {@code name} names, or empty when it is no name of this kind. */
    Optional<LedgerAccount> accountNamed(String name) {
        if (owner == AccountOwner.PLATFORM) {
            return name.equals(namePrefix) ? Optional.of(new LedgerAccount(this, null)) : Optional.empty();
        }
        boolean shaped = name.length() > namePrefix.length() + nameSuffix.length()
                && name.startsWith(namePrefix) && name.endsWith(nameSuffix);
        return shaped
                ? Optional.of(new LedgerAccount(this, name.substring(namePrefix.length(), name.length() - nameSuffix.length())))
                : Optional.empty();
    }
}
