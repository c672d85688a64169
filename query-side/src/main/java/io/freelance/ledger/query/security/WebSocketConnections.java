package io.freelance.ledger.query.security;

/**
 * Told when a GraphQL WebSocket connection has signed in and when it closes, so features that care who
 * is connected (presence) need not be part of the connection's security. Called on the connection's thread:
 * keep it quick.
 */
public interface WebSocketConnections {

    void opened(String connectionId, String userId);

    /** Also for connections that never signed in; an unknown id is no error. */
    void closed(String connectionId);
}
