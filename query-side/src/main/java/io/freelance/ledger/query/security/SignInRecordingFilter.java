package io.freelance.ledger.query.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code ledger.security.mode=jwt}: records the subject and role of every request signed with a valid
 * token ({@link JwtSignIns}), so a freelancer can be offered contracts once they have signed in. It runs
 * after Spring Security's filters, when the token has been checked.
 */
public class SignInRecordingFilter extends OncePerRequestFilter {

    private final JwtSignIns signIns;

    public SignInRecordingFilter(JwtSignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        signIns.record(SecurityContextHolder.getContext().getAuthentication());
        chain.doFilter(request, response);
    }
}
