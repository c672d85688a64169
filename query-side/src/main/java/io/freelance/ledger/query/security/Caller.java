package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Actor;

/**
 * Who calls the API and in which request: the signed-in user as the {@link Actor} that commands carry,
 * and the request's id (the caller's {@code X-Request-Id} or one given to the request), which commands carry
 * too so the event history leads back to the request. A controller method gets it as a parameter.
 */
public record Caller(Actor actor, String requestId) {

    public String userId() {
        return actor.userId();
    }
}
