package io.freelance.ledger.query.security;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
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
 * A signed-in connection is then admitted by the {@link WebSocketAdmission} (a limit per user), or closed with
 * {@value #OVER_LIMIT} and the admission's reason. Spring GraphQL allows one WebSocket interceptor, so this one
 * also tells who signed in (JWT mode records the user) and tells {@link WebSocketConnections} who opened and
 * closed a connection.
 */
public class ConnectionInitAuthentication implements WebSocketGraphQlInterceptor {

    /**
     * 1008 Policy Violation (RFC 6455) for a connection over a limit: graphql-ws defines no code for it (its 4401
     * would tell the client its credentials are wrong), and its clients give up on a 1xxx code other than the
     * transient ones (1013 Try Again Later among them) instead of reconnecting in a loop, which would only hit the
     * limit again.
     */
    static final int OVER_LIMIT = 1008;

    private static final Logger log = LoggerFactory.getLogger(ConnectionInitAuthentication.class);

    private final AuthenticationWebSocketInterceptor credentials;
    private final Consumer<Authentication> signIns;
    private final WebSocketAdmission admission;
    private final List<WebSocketConnections> connections;

    /** @param signIns told of every connection that signs in, before it is admitted */
    public ConnectionInitAuthentication(AuthenticationWebSocketInterceptor credentials, Consumer<Authentication> signIns,
                                        WebSocketAdmission admission, List<WebSocketConnections> connections) {
        this.credentials = credentials;
        this.signIns = signIns;
        this.admission = admission;
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
                .flatMap(authentication -> admitted(session, authentication))
                .doOnNext(authentication -> opened(session, authentication))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return credentials.intercept(request, chain);
    }

    /** Spring GraphQL calls this for every connection that sent {@code connection_init}, however it closed. */
    @Override
    public void handleConnectionClosed(WebSocketSessionInfo session, int statusCode, Map<String, Object> payload) {
        closed(session.getId());
    }

    private Mono<Authentication> admitted(WebSocketSessionInfo session, Authentication authentication) {
        Optional<String> refusal = admission.admit(session.getId(), authentication.getName());
        if (refusal.isEmpty()) {
            return Mono.just(authentication);
        }
        // Closed here with the limit's code and reason; the error keeps Spring GraphQL from acknowledging the
        // connection, and its own close after it (4401) finds the connection closed already.
        ClosableGraphQlWebSocketHandler.sessionOf(session).ifPresent(socket -> close(socket, refusal.get()));
        return Mono.error(new IllegalStateException("Connection refused: " + refusal.get()));
    }

    private void opened(WebSocketSessionInfo session, Authentication authentication) {
        connections.forEach(listener -> listener.opened(session.getId(), authentication.getName()));
        // A client gone while it was being signed in may have been reported closed before it was counted.
        boolean closedMeanwhile = ClosableGraphQlWebSocketHandler.sessionOf(session).map(socket -> !socket.isOpen()).orElse(false);
        if (closedMeanwhile) {
            closed(session.getId());
        }
    }

    private void closed(String connectionId) {
        admission.closed(connectionId);
        connections.forEach(listener -> listener.closed(connectionId));
    }

    private static void close(WebSocketSession socket, String reason) {
        try {
            socket.close(new CloseStatus(OVER_LIMIT, reason));
        } catch (IOException gone) {
            log.debug("Connection {} was gone before it could be refused", socket.getId(), gone);
        }
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
