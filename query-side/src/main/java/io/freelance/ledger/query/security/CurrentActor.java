package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.TextInput;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The signed-in caller as the {@link Actor} that commands carry: user id and role. */
@Component
public class CurrentActor {

    public Actor of(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Sign in to use the API.");
        }
        Role role = roleOf(authentication)
                .orElseThrow(() -> new AccessDeniedException("Your sign-in carries no ledger role."));
        if (!TextInput.isSafeId(authentication.getName())) {
            // Account names are built from user ids; an id with ':' (some identity providers' subjects) would break them.
            throw new AccessDeniedException("Your user id cannot be used by the ledger: it may hold only letters, digits"
                    + " and . _ @ - and must start with a letter or digit.");
        }
        return new Actor(authentication.getName(), role);
    }

    static Optional<Role> roleOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ApiRoles.AUTHORITY_PREFIX))
                .map(authority -> ApiRoles.parse(authority.substring(ApiRoles.AUTHORITY_PREFIX.length())))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
