package io.freelance.ledger.query.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.WebSocketSession;

/**
 * Spring GraphQL's graphql-ws handler, which also lets {@link ConnectionInitAuthentication} reach a connection's
 * WebSocket session: Spring GraphQL closes every refused {@code connection_init} with 4401 Unauthorized, and a
 * connection refused for a reason other than its credentials (a limit) must be closed with a code and reason that
 * say so. The interceptor sees only a {@link WebSocketSessionInfo}, so the session is kept among its attributes.
 */
public class ClosableGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

    private static final String SESSION_ATTRIBUTE = ClosableGraphQlWebSocketHandler.class.getName() + ".session";

    public ClosableGraphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, HttpMessageConverter<Object> converter,
                                           Duration connectionInitTimeout, Duration keepAlive, CorsConfiguration cors) {
        super(graphQlHandler, converter, connectionInitTimeout, keepAlive, cors);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put(SESSION_ATTRIBUTE, session);
        super.afterConnectionEstablished(session);
    }

    /** The connection's session; empty if another handler serves it. */
    static Optional<WebSocketSession> sessionOf(WebSocketSessionInfo info) {
        return Optional.ofNullable(info.getAttributes().get(SESSION_ATTRIBUTE))
                .filter(WebSocketSession.class::isInstance)
                .map(WebSocketSession.class::cast);
    }
}
