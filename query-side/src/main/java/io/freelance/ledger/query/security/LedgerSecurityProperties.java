package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Role;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.security.*}: how callers sign in.
 *
 * @param mode  {@code basic} (users listed here, the standalone default) or {@code jwt} (an OAuth2
 *              resource server; the decoder comes from {@code spring.security.oauth2.resourceserver.jwt.*})
 * @param users for {@code basic}: username, password with its encoding prefix ({@code {noop}},
 *              {@code {bcrypt}}), role; the user id is the username
 * @param jwt   for {@code jwt}: the claim holding the role; the subject is the user id
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(
        @DefaultValue("basic") Mode mode,
        List<BasicUser> users,
        @DefaultValue Jwt jwt) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public enum Mode {
        BASIC,
        JWT
    }

    public record BasicUser(String username, String password, Role role) {
    }

    public record Jwt(@DefaultValue("ledger_role") String roleClaim) {
    }
}
