package io.freelance.ledger.common;

import java.util.Map;
import java.util.Objects;

/**
 * Who sends a command. It travels in the command's metadata (and from there into every event the
 * command causes), so the event history can say who did what.
 */
public record Actor(String userId, Role role) {

    public static final String USER_ID_KEY = "actorId";
    public static final String ROLE_KEY = "actorRole";
    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM);

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public Map<String, String> asMetaData() {
        return Map.of(USER_ID_KEY, userId, ROLE_KEY, role.name());
    }

    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object userId = metaData.get(USER_ID_KEY);
        Object role = metaData.get(ROLE_KEY);
        if (userId == null || role == null) {
            throw RuleViolation.forbidden(USER_ID_KEY, "actor.required",
                    "The command carries no acting user; every command must say who sends it.");
        }
        return new Actor(userId.toString(), parseRole(role.toString()));
    }

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.forbidden(ROLE_KEY, "actor.role-unknown", "'%s' is not a role of this service.".formatted(role));
        }
    }
}
