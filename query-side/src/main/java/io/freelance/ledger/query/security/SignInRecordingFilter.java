package io.freelance.ledger.query.security;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code ledger.security.mode=jwt}: records the subject and role of every request signed with a valid
 * token in the {@link SignedInUserDirectory}, so a freelancer can be offered contracts once they have
 * signed in. It runs after Spring Security's filters, when the token has been checked. A subject no
 * API field could name (too long, control characters) is not recorded.
 */
public class SignInRecordingFilter extends OncePerRequestFilter {

    private final SignedInUserDirectory directory;

    public SignInRecordingFilter(SignedInUserDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated() && isNameable(token.getName())) {
            ApiRoles.roleOf(token).ifPresent(role -> directory.recordSignIn(token.getName(), role));
        }
        chain.doFilter(request, response);
    }

    private static boolean isNameable(String userId) {
        try {
            return userId != null && userId.equals(TextInput.required("userId", userId, TextInput.ID_MAX_LENGTH, "A user id"));
        } catch (RuleViolation unusable) {
            return false;
        }
    }
}
