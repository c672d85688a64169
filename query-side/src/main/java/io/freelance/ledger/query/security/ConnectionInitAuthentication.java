package io.freelance.ledger.query.security;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * Signs in a GraphQL WebSocket connection (graphql-ws) before it may subscribe to anything. The upgrade
 * itself passes Spring Security without credentials (browsers cannot add headers to it), so this is the
 * gate: the {@code connection_init} payload must carry credentials, which Spring GraphQL's
 * {@link AuthenticationWebSocketInterceptor} checks with the sign-in mode's authentication manager, or the
 * upgrade must have been signed in already (a browser sends its Basic sign-in with it). Otherwise, and
 * for wrong credentials, the connection is refused, which Spring GraphQL answers by closing it with
 * 4401 Unauthorized; a subscription sent before {@code connection_init} is closed the same way.
 * <p>
 * Spring GraphQL allows one WebSocket interceptor, so this one also tells who signed in (JWT mode records the
 * user) and tells {@link WebSocketConnections} who opened and closed a connection.
 */
public class ConnectionInitAuthentication implements WebSocketGraphQlInterceptor {

    private final AuthenticationWebSocketInterceptor credentials;
    private final Consumer<Authentication> signIns;
    private final List<WebSocketConnections> connections;

    /** @param signIns told of every connection that signs in */
    public ConnectionInitAuthentication(AuthenticationWebSocketInterceptor credentials, Consumer<Authentication> signIns,
                                        List<WebSocketConnections> connections) {
        this.credentials = credentials;
        this.signIns = signIns;
        this.connections = List.copyOf(connections);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Mono<Authentication> signedIn = BasicCredentialsExtractor.authorizationOf(payload) != null
                ? credentials.handleConnectionInitialization(session, payload).then(Mono.fromCallable(() -> signInOf(session)))
                : session.getPrincipal().flatMap(ConnectionInitAuthentication::signedInUpgrade);
        return signedIn
                .switchIfEmpty(Mono.error(() -> new InsufficientAuthenticationException(
                        "connection_init carries no Authorization entry and the upgrade was not signed in")))
                .doOnNext(signIns)
                .doOnNext(authentication -> connections.forEach(listener -> listener.opened(session.getId(), authentication.getName())))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return credentials.intercept(request, chain);
    }

    @Override
    public void handleConnectionClosed(WebSocketSessionInfo session, int statusCode, Map<String, Object> payload) {
        connections.forEach(listener -> listener.closed(session.getId()));
    }

    /** The interceptor keeps the checked sign-in among the session's attributes, as a security context. */
    private static Authentication signInOf(WebSocketSessionInfo session) {
        return session.getAttributes().values().stream()
                .filter(SecurityContext.class::isInstance)
                .map(context -> ((SecurityContext) context).getAuthentication())
                .filter(ConnectionInitAuthentication::isSignedIn)
                .findFirst()
                .orElseThrow(() -> new InsufficientAuthenticationException("connection_init was not signed in"));
    }

    private static Mono<Authentication> signedInUpgrade(Principal principal) {
        return Mono.justOrEmpty(Optional.of(principal)
                .filter(Authentication.class::isInstance)
                .map(Authentication.class::cast)
                .filter(ConnectionInitAuthentication::isSignedIn));
    }

    private static boolean isSignedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
