package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.query.security.LedgerSecurityProperties.BasicUser;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code ledger.security.mode=basic}: the users of {@code ledger.security.users}, the only ones who can sign in. */
public class ConfiguredUserDirectory implements UserDirectory {

    private final Map<String, Role> rolesByUserId;

    public ConfiguredUserDirectory(LedgerSecurityProperties properties) {
        this.rolesByUserId = properties.users().stream()
                .filter(user -> user.username() != null && user.role() != null)
                .collect(Collectors.toUnmodifiableMap(BasicUser::username, BasicUser::role, (first, second) -> first));
    }

    @Override
    public Optional<Role> roleOf(String userId) {
        return Optional.ofNullable(rolesByUserId.get(userId));
    }
}
