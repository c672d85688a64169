package io.freelance.ledger.query.security;

import io.freelance.ledger.query.security.LedgerSecurityProperties.BasicUser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of {@code ledger.security.mode=basic}, from {@code ledger.security.users}. A wrong
 * list fails the start, rather than leaving an API nobody (or anybody) can use.
 * <p>
 * The store is handed out as a plain {@link UserDetailsService}: an in-memory user manager is also a
 * password service, and Spring Security then "upgrades" every configured password to bcrypt at its
 * first sign-in, after which each request spends tens of milliseconds of CPU hashing. Passwords stay
 * encoded as configured ({@code {noop}} for the demo users, {@code {bcrypt}} where an operator wants it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "basic", matchIfMissing = true)
public class BasicUsersConfiguration {

    @Bean
    public UserDetailsService ledgerUsers(LedgerSecurityProperties properties) {
        List<BasicUser> users = properties.users();
        if (users.isEmpty()) {
            throw new IllegalStateException("ledger.security.mode=basic needs at least one user under ledger.security.users");
        }
        Set<String> usernames = new HashSet<>();
        List<UserDetails> details = users.stream().map(user -> toUserDetails(user, usernames)).toList();
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(details);
        return manager::loadUserByUsername;
    }

    private static UserDetails toUserDetails(BasicUser user, Set<String> usernames) {
        if (user.username() == null || user.username().isBlank() || !usernames.add(user.username())) {
            throw new IllegalStateException("ledger.security.users: username '" + user.username() + "' is empty or listed twice");
        }
        if (user.password() == null || !user.password().startsWith("{")) {
            throw new IllegalStateException("ledger.security.users: the password of " + user.username()
                    + " needs its encoding prefix, such as {noop} or {bcrypt}");
        }
        if (user.role() == null || !ApiRoles.GRANTABLE.contains(user.role())) {
            throw new IllegalStateException("ledger.security.users: " + user.username() + " needs a role, one of " + ApiRoles.GRANTABLE);
        }
        return User.withUsername(user.username())
                .password(user.password())
                .authorities(ApiRoles.authorityOf(user.role()))
                .build();
    }
}
