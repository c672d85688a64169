package io.freelance.ledger.common;

/** What a signed-in user is to the marketplace; a user has exactly one. */
public enum Role {
    CLIENT,
    FREELANCER,
    FINANCE,
    DISPUTE_HANDLER,
    /** The service itself: deadlines and processes acting on no person's behalf. */
    SYSTEM
}
