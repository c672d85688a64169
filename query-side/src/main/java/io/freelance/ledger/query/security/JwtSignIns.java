package io.freelance.ledger.query.security;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * {@code ledger.security.mode=jwt}: records the subject and role of a sign-in with a valid token in the
 * {@link SignedInUserDirectory}, whether it came with an HTTP request ({@link SignInRecordingFilter}) or with the
 * {@code connection_init} of a GraphQL WebSocket ({@link ConnectionInitAuthentication}): a frontend that only
 * listens for messages must still make its user someone a contract can be offered to. A subject no API field could
 * name (too long, control characters) is not recorded.
 */
public class JwtSignIns {

    private final SignedInUserDirectory directory;

    public JwtSignIns(SignedInUserDirectory directory) {
        this.directory = directory;
    }

    /** Anything but a checked token (a Basic sign-in, an anonymous caller) is no JWT sign-in and is ignored. */
    public void record(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated() && isNameable(token.getName())) {
            ApiRoles.roleOf(token).ifPresent(role -> directory.recordSignIn(token.getName(), role));
        }
    }

    private static boolean isNameable(String userId) {
        try {
            return userId != null && userId.equals(TextInput.required("userId", userId, TextInput.ID_MAX_LENGTH, "A user id"));
        } catch (RuleViolation unusable) {
            return false;
        }
    }
}
