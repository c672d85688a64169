package io.freelance.ledger.query.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Spring GraphQL's graphql-ws handler, which also lets {@link ConnectionInitAuthentication} reach a connection's
 * WebSocket session: Spring GraphQL closes every refused {@code connection_init} with 4401 Unauthorized, and a
 * connection refused for a reason other than its credentials (a limit) must be closed with a code and reason that
 * say so. The interceptor sees only a {@link WebSocketSessionInfo}, so the session is kept among its attributes.
 * <p>
 * A frame that is not a graphql-ws message (not JSON, a payload of the wrong shape, binary) closes the connection
 * with the protocol's 4400 Invalid message. Spring GraphQL's handler lets the decoding failure escape, and the
 * connection was closed with 1011 (server error) and an ERROR with a stack trace in the log: a client's mistake
 * reported as the service's.
 */
public class ClosableGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

    /** graphql-ws: the client sent something that is not a protocol message. */
    static final int INVALID_MESSAGE = 4400;
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

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        try {
            super.handleTextMessage(session, message);
        } catch (HttpMessageNotReadableException | ClassCastException malformed) {
            // Thrown while decoding the frame or reading its payload as a map; the request itself runs later, elsewhere.
            closeAsInvalid(session);
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        closeAsInvalid(session);
    }

    private static void closeAsInvalid(WebSocketSession session) {
        try {
            if (session.isOpen()) {
                session.close(new CloseStatus(INVALID_MESSAGE, "Invalid message"));
            }
        } catch (java.io.IOException alreadyGone) {
            // The client went away first: nothing is left to tell it.
        }
    }

    /** The connection's session; empty if another handler serves it. */
    static Optional<WebSocketSession> sessionOf(WebSocketSessionInfo info) {
        return Optional.ofNullable(info.getAttributes().get(SESSION_ATTRIBUTE))
                .filter(WebSocketSession.class::isInstance)
                .map(WebSocketSession.class::cast);
    }
}
