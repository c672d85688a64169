package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The roles a person signing in to the API can have; {@code SYSTEM} is the service's own and never granted. */
public final class ApiRoles {

    public static final Set<Role> GRANTABLE = EnumSet.of(Role.CLIENT, Role.FREELANCER, Role.FINANCE, Role.DISPUTE_HANDLER);
    public static final String AUTHORITY_PREFIX = "ROLE_";

    private ApiRoles() {
    }

    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            Role role = Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
            return GRANTABLE.contains(role) ? Optional.of(role) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The ledger role a sign-in was granted, if any. */
    public static Optional<Role> roleOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(AUTHORITY_PREFIX))
                .map(authority -> parse(authority.substring(AUTHORITY_PREFIX.length())))
                .flatMap(Optional::stream)
                .findFirst();
    }

    public static String authorityOf(Role role) {
        return AUTHORITY_PREFIX + role.name();
    }
}
