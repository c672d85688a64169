package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.common.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used aggregates in memory so a command does not reload the aggregate's whole event
 * stream first. Safe in distributed mode too: Axon Server routes every command for one aggregate to
 * the same instance. Bounded by count and softly held (see {@link BoundedAggregateCache}), so memory
 * pressure still evicts. The switch exists for the benchmark that measures what the cache is worth.
 * <p>
 * 2,000 aggregates: the ones commands are working on (a hot contract, a conversation) stay; the
 * thousands a busy hour touched once do not fill the old generation of a 512 MB heap, where softly held
 * entries are only let go once the collector is already struggling.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfig {

    @Bean(AggregateCaches.AGGREGATE_CACHE)
    public Cache aggregateCache(@Value("${ledger.aggregate-cache.enabled:true}") boolean enabled,
                                @Value("${ledger.aggregate-cache.maximum-aggregates:2000}") long maximumAggregates) {
        return enabled ? new BoundedAggregateCache(maximumAggregates) : NoCache.INSTANCE;
    }
}
