package io.freelance.ledger.query.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The HTTP request that opens a GraphQL WebSocket: a GET to the WebSocket path asking to upgrade to
 * {@code websocket}. Only such a request is handed to the WebSocket handler, so letting it through
 * unauthenticated opens nothing else at that path (a plain GET of it still needs a sign-in).
 */
final class GraphQlWebSocketUpgrade {

    private GraphQlWebSocketUpgrade() {
    }

    static RequestMatcher matcher(String path) {
        return request -> HttpMethod.GET.matches(request.getMethod())
                && path.equals(request.getRequestURI().substring(request.getContextPath().length()))
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }
}
