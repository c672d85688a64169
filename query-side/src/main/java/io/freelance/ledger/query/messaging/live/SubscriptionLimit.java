package io.freelance.ledger.query.messaging.live;

import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.query.graphql.ApiErrors;
import java.util.List;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds each GraphQL WebSocket connection to {@code ledger.messaging.live.max-subscriptions-per-connection}
 * subscriptions at once. A subscription counts from its start until its stream ends, fails or is cancelled (the
 * client's {@code complete}, the connection's close); one past the limit gets a graphql-ws {@code error} message, a
 * BAD_REQUEST with the rule {@value #RULE}, and the connection and its other subscriptions go on. Queries and
 * mutations sent over the WebSocket answer once and are not counted.
 */
public class SubscriptionLimit implements WebGraphQlInterceptor {

    static final String RULE = "subscriptions.per-connection";

    private final LiveConnectionLimits limits;

    public SubscriptionLimit(LiveConnectionLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest overWebSocket)) {
            return chain.next(request);
        }
        String connectionId = overWebSocket.getSessionInfo().getId();
        return chain.next(request).map(response -> response.getData() instanceof Publisher<?> stream
                ? counted(connectionId, response, stream)
                : response);
    }

    /** The stream is not subscribed to yet, so a refused one has opened nothing and is just dropped. */
    private WebGraphQlResponse counted(String connectionId, WebGraphQlResponse response, Publisher<?> stream) {
        if (!limits.admitSubscription(connectionId)) {
            // Spring GraphQL answers a stream failing with this exception with an error message holding its errors.
            SubscriptionPublisherException refusal = new SubscriptionPublisherException(List.of(ApiErrors.refusal(
                    LedgerError.badRequest(null, RULE, limits.subscriptionRefusal()))), null);
            return response.transform(builder -> builder.data(Flux.error(refusal)));
        }
        Flux<?> counted = Flux.from(stream).doFinally(signal -> limits.subscriptionEnded(connectionId));
        return response.transform(builder -> builder.data(counted));
    }
}
