package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Role;
import java.util.EnumSet;
import java.util.Set;

/** The schema's {@code User}: an opaque id and the user's role. */
public record UserView(String id, Role role) {

    private static final Set<Role> STAFF = EnumSet.of(Role.FINANCE, Role.DISPUTE_HANDLER);

    /**
     * Someone who acted on a contract, as {@code reader} may see them: to a party, finance and dispute handlers
     * appear by role only (their id reads as the role's name), as they do in the event history; staff see every id.
     * Null when nobody acted.
     */
    public static UserView actingAs(String userId, Role role, Caller reader) {
        if (userId == null) {
            return null;
        }
        boolean hidden = STAFF.contains(role) && !STAFF.contains(reader.actor().role());
        return new UserView(hidden ? role.name() : userId, role);
    }
}
