package io.freelance.ledger.query.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic credentials from a graphql-ws {@code connection_init} payload, {@code {"Authorization":
 * "Basic <base64 of user:password>"}}: the header a client already sends over HTTP, in the payload,
 * because browsers cannot set headers on a WebSocket upgrade. Spring GraphQL ships the bearer-token
 * counterpart. No {@code Authorization} entry gives no authentication; a malformed one is refused.
 */
public final class BasicCredentialsExtractor implements AuthenticationExtractor {

    static final String AUTHORIZATION_KEY = "Authorization";
    private static final String SCHEME = "basic ";

    @Override
    public Mono<Authentication> getAuthentication(Map<String, Object> payload) {
        return Mono.justOrEmpty(authorizationOf(payload)).map(BasicCredentialsExtractor::credentials);
    }

    static String authorizationOf(Map<String, Object> payload) {
        Object value = payload.get(AUTHORIZATION_KEY);
        if (value == null) {
            value = payload.get(AUTHORIZATION_KEY.toLowerCase());
        }
        return value == null ? null : value.toString();
    }

    private static Authentication credentials(String authorization) {
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new BadCredentialsException("The Authorization entry is not Basic credentials");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new BadCredentialsException("Basic credentials that are not Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new BadCredentialsException("Basic credentials without a password");
        }
        return UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
