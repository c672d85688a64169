package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Role;
import java.util.Optional;

/**
 * The users the service knows, and the role each signs in with: who may be offered a contract. With
 * HTTP Basic these are the configured users ({@link ConfiguredUserDirectory}); with JWTs, every user
 * who has signed in at least once ({@link SignedInUserDirectory}).
 */
public interface UserDirectory {

    /** The user's role; empty for a user the service does not know. */
    Optional<Role> roleOf(String userId);
}
