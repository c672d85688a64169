package io.freelance.ledger.query.graphql;

import graphql.execution.ExecutionId;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every GraphQL request an id, the caller's {@code X-Request-Id} when it sends a sane one, as
 * graphql-java's execution id: every data fetcher and error resolver can read it there, and Spring
 * GraphQL's own log lines name it. Commands carry it in their metadata, so the event history can be
 * traced back to the request, and the response returns it, so a caller can quote it. It is not an
 * idempotency key: it names one HTTP request, and retrying a mutation safely takes the mutation's
 * {@code idempotencyKey}.
 */
@Component
public class RequestIdInterceptor implements WebGraphQlInterceptor {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String requestId = requestIdOf(request.getHeaders().getFirst(HEADER));
        request.executionId(ExecutionId.from(requestId));
        return chain.next(request).doOnNext(response -> response.getResponseHeaders().set(HEADER, requestId));
    }

    private static String requestIdOf(String offered) {
        return offered != null && SANE_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
