package io.freelance.ledger.query.security;

import java.util.Optional;

/**
 * Whether a signed-in user may hold one more GraphQL WebSocket connection open: asked once the connection's
 * {@code connection_init} has signed it in, before it is acknowledged. A refused connection is closed with the
 * reason given; an admitted one counts until it closes, however it closes.
 */
public interface WebSocketAdmission {

    WebSocketAdmission UNLIMITED = new WebSocketAdmission() {
        @Override
        public Optional<String> admit(String connectionId, String userId) {
            return Optional.empty();
        }

        @Override
        public void closed(String connectionId) {
            // Nothing counted.
        }
    };

    /**
     * Empty when admitted; otherwise why not, naming the limit, in at most {@link #REASON_MAX_BYTES} bytes of UTF-8
     * (what a close frame holds beside its code).
     */
    Optional<String> admit(String connectionId, String userId);

    /** Also for connections never admitted, and more than once for one connection; both are no error. */
    void closed(String connectionId);

    /** RFC 6455: a close frame's payload is at most 125 bytes, two of them the code. */
    int REASON_MAX_BYTES = 123;
}
