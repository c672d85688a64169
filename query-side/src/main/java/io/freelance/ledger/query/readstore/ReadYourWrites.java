package io.freelance.ledger.query.readstore;

import io.freelance.ledger.common.AggregateVersions;
import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Read-your-writes for every mutation: after its command, a mutation waits (bounded) until the read
 * models have applied the versions the command produced, then reads its answer. It subscribes to each
 * changed aggregate, so it is woken only by that aggregate's updates: no polling, no waking for others.
 * When the wait runs out the caller answers {@code pending}, never a stale view as if it were the result.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final QueryGateway queryGateway;
    private final Duration timeout;

    public ReadYourWrites(QueryGateway queryGateway, @Value("${ledger.api.catch-up-timeout:PT5S}") Duration timeout) {
        this.queryGateway = queryGateway;
        this.timeout = timeout;
    }

    /**
     * What a command handler answered, as the versions to wait for: several aggregates' when it changed
     * several, its own aggregate's when it answered a number, nothing to wait for otherwise.
     */
    public static List<AggregateVersion> versionsOf(Object result, String aggregateType, String aggregateId) {
        if (result instanceof AggregateVersions changed) {
            return changed.versions();
        }
        if (result instanceof Number version) {
            return List.of(new AggregateVersion(aggregateType, aggregateId, version.longValue()));
        }
        return List.of();
    }

    /**
     * Waits for {@code versions}, then reads the answer. {@code kind} and {@code id} name what was changed
     * ("Invoice", "invoice-7") for the warning logged when the answer is pending.
     */
    public <T> Shown<T> awaitThenRead(String kind, String id, List<AggregateVersion> versions, Supplier<Optional<T>> read) {
        boolean applied = awaitApplied(versions);
        Optional<T> shown = read.get();
        boolean pending = !applied || shown.isEmpty();
        if (pending) {
            log.warn("{} {} was changed but the read models did not show it within the wait; answering pending", kind, id);
        }
        return new Shown<>(shown.orElse(null), pending);
    }

    /** True once every version is applied; false when the wait ran out first. */
    public boolean awaitApplied(List<AggregateVersion> versions) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (AggregateVersion version : versions) {
            if (!awaitApplied(version, deadline)) {
                return false;
            }
        }
        return true;
    }

    private boolean awaitApplied(AggregateVersion wanted, long deadline) {
        AtomicLong applied = new AtomicLong(-1);
        Semaphore progress = new Semaphore(0);
        try (SubscriptionQueryResult<Long, AppliedVersion> subscription = queryGateway.subscriptionQuery(
                new AppliedVersionQuery(wanted.aggregateType(), wanted.aggregateId()),
                ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(AppliedVersion.class))) {
            // The update only records the version and wakes this thread: nothing runs on the projection's thread.
            Disposable listening = subscription.updates().subscribe(update -> {
                applied.accumulateAndGet(update.version(), Math::max);
                progress.release();
            });
            try {
                Long initial = subscription.initialResult().block(timeout);
                applied.accumulateAndGet(initial == null ? -1 : initial, Math::max);
                while (applied.get() < wanted.version()) {
                    if (!awaitProgress(progress, deadline)) {
                        return false;
                    }
                }
                return true;
            } finally {
                listening.dispose();
            }
        }
    }

    private static boolean awaitProgress(Semaphore progress, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            return left > 0 && progress.tryAcquire(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
