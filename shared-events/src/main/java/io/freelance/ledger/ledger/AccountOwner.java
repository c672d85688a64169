package io.freelance.ledger.ledger;

/** Whom a ledger account is kept for; it decides who may read the account. */
public enum AccountOwner {
    CLIENT,
    FREELANCER,
    /** An escrow account, kept for both parties of one contract. */
    CONTRACT,
    /** The platform's fee accounts, which have no owner id. */
    PLATFORM;

    /** True for accounts that belong to one user (the owner id is a user id). */
    public boolean isUser() {
        return this == CLIENT || this == FREELANCER;
    }
}
