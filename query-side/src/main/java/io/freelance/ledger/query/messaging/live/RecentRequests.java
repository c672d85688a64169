package io.freelance.ledger.query.messaging.live;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells {@link Presence} of every signed-in HTTP request, in either sign-in mode. A servlet filter that
 * Spring Boot registers after Spring Security's, so the sign-in has been checked; it records before the
 * request runs, so a request that fails still counts as the user being there.
 */
public class RecentRequests extends OncePerRequestFilter {

    private final Presence presence;

    public RecentRequests(Presence presence) {
        this.presence = presence;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
            presence.requestSeen(authentication.getName());
        }
        chain.doFilter(request, response);
    }
}
