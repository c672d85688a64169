package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves a controller method's {@link Caller} parameter: the one place where a sign-in becomes the
 * {@link Actor} of a request. Spring Boot hands every such resolver bean to Spring GraphQL's annotated
 * controllers. The request id is graphql-java's execution id, which the request id interceptor sets.
 * A sign-in the ledger cannot act for is refused here, before the method runs.
 */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        return new Caller(actorOf(SecurityContextHolder.getContext().getAuthentication()),
                environment.getExecutionId().toString());
    }

    /** Also for the HTTP endpoints beside GraphQL (screenshots), which take the sign-in from Spring MVC. */
    public static Actor actorOf(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            throw new RuleViolation(new LedgerError(ErrorCategory.UNAUTHORIZED, null, "authentication.required",
                    "Sign in to use the API."));
        }
        Role role = ApiRoles.roleOf(authentication).orElseThrow(() -> RuleViolation.forbidden(null, "access.denied",
                "Your sign-in carries no role of the ledger (client, freelancer, finance or dispute handler)."));
        if (!TextInput.isSafeId(authentication.getName())) {
            // Account names are built from user ids; an id with ':' (some identity providers' subjects) would break them.
            throw RuleViolation.forbidden(null, "access.denied", "Your user id cannot be used by the ledger: it may hold only"
                    + " letters, digits and . _ @ - and must start with a letter or digit.");
        }
        return new Actor(authentication.getName(), role);
    }
}
