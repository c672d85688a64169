package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Role;

/** The schema's {@code User}: an opaque id and the user's role. */
public record UserView(String id, Role role) {
}
