package io.freelance.ledger.query.readstore;

import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Turns "these read models moved forward" into a stream of views for a GraphQL subscription, on the
 * same updates that wake a mutation waiting for its own change ({@link AppliedVersions}): no polling,
 * and nothing wakes for other aggregates. Every view is read through the caller's {@code read}, which
 * checks access each time, so a reader who loses access gets the refusal as the stream's end instead of
 * a further view.
 * <p>
 * Updates that arrive faster than views are read are conflated: the next read shows the latest state
 * anyway, so a slow subscriber costs one pending read, never a growing queue.
 */
@Component
public class LiveReadModels {

    private final QueryGateway queryGateway;
    /** Reads never run on the projection's thread, which emits the updates. */
    private final Scheduler readers = Schedulers.boundedElastic();

    public LiveReadModels(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * The view as it stands when subscribed, then again after each update of any of {@code sources}. A
     * view may repeat: what changed can lie outside it (a contract's escrow is read by the view's own
     * fields), so only the caller's schema knows what is new. Cancelling the stream ends the subscriptions
     * to the updates.
     */
    public <T> Flux<T> watch(List<AppliedVersionQuery> sources, Callable<T> read) {
        return Flux.using(() -> subscribe(sources),
                subscriptions -> Flux.concat(Mono.fromCallable(read), changes(subscriptions, read)),
                subscriptions -> subscriptions.forEach(SubscriptionQueryResult::close));
    }

    /** Subscribed before the first read, so no update between the two is missed: Axon buffers them. */
    private List<SubscriptionQueryResult<Long, AppliedVersion>> subscribe(List<AppliedVersionQuery> sources) {
        return sources.stream()
                .map(source -> queryGateway.subscriptionQuery(source, ResponseTypes.instanceOf(Long.class),
                        ResponseTypes.instanceOf(AppliedVersion.class)))
                .toList();
    }

    private <T> Flux<T> changes(List<SubscriptionQueryResult<Long, AppliedVersion>> subscriptions, Callable<T> read) {
        return Flux.merge(subscriptions.stream().map(SubscriptionQueryResult::updates).toList())
                .onBackpressureLatest()
                .publishOn(readers, 1)
                .concatMap(update -> Mono.fromCallable(read), 1);
    }
}
