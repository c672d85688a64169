package io.freelance.ledger.query.graphql;

import graphql.GraphQLContext;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every GraphQL request an id, the caller's {@code X-Request-Id} when it sends a sane one.
 * Commands carry it in their metadata, so the event history can be traced back to the request,
 * and the response returns it, so a caller can quote it. It is not an idempotency key: it names one
 * HTTP request, and retrying a mutation safely takes the mutation's {@code idempotencyKey}.
 */
@Component
public class RequestIdInterceptor implements WebGraphQlInterceptor {

    public static final String CONTEXT_KEY = "requestId";
    public static final String HEADER = "X-Request-Id";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String requestId = requestIdOf(request.getHeaders().getFirst(HEADER));
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CONTEXT_KEY, requestId)).build());
        return chain.next(request).doOnNext(response -> response.getResponseHeaders().set(HEADER, requestId));
    }

    /** The id of the request this context belongs to; a new one where no HTTP request gave one (a test calling the service directly). */
    public static String requestId(GraphQLContext context) {
        String requestId = context.get(CONTEXT_KEY);
        return requestId != null ? requestId : UUID.randomUUID().toString();
    }

    private static String requestIdOf(String offered) {
        return offered != null && SANE_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
