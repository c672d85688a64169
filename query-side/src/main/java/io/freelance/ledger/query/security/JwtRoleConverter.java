package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's subject is the user id; its role is in a configurable claim (a string, or a
 * list whose first known role counts). A token without a known role signs in with no role and is
 * refused by {@link CallerArgumentResolver}, so the caller learns why.
 */
public class JwtRoleConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String roleClaim;

    public JwtRoleConverter(String roleClaim) {
        this.roleClaim = roleClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<SimpleGrantedAuthority> authorities = roleOf(jwt)
                .map(role -> List.of(new SimpleGrantedAuthority(ApiRoles.authorityOf(role))))
                .orElse(List.of());
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private Optional<Role> roleOf(Jwt jwt) {
        Object claim = jwt.getClaims().get(roleClaim);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).map(ApiRoles::parse).flatMap(Optional::stream).findFirst();
        }
        return claim == null ? Optional.empty() : ApiRoles.parse(claim.toString());
    }
}
