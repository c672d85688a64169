package io.freelance.ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    private final BoundedAggregateCache cache = new BoundedAggregateCache(1_000);

    @Test
    void keepsWhatWasPutUntilItIsRemoved() {
        cache.put("contract-1", "state");
        System.gc();

        assertThat(cache.<String, String>get("contract-1")).isEqualTo("state");
        assertThat(cache.containsKey("contract-1")).isTrue();
        assertThat(cache.remove("contract-1")).isTrue();
        assertThat(cache.<String, String>get("contract-1")).isNull();
        assertThat(cache.remove("contract-1")).isFalse();
    }

    @Test
    void computeIfAbsentAsksForAValueOnlyWhenNoneIsCached() {
        List<String> supplied = new ArrayList<>();
        String first = cache.computeIfAbsent("escrow-1", () -> { supplied.add("first"); return "first"; });
        String second = cache.computeIfAbsent("escrow-1", () -> { supplied.add("second"); return "second"; });

        assertThat(first).isEqualTo("first");
        assertThat(second).isEqualTo("first");
        assertThat(supplied).containsExactly("first");
    }

    @Test
    void putIfAbsentKeepsTheFirstValueAndComputeIfPresentReplacesOrRemoves() {
        assertThat(cache.putIfAbsent("diary-1", "a")).isTrue();
        assertThat(cache.putIfAbsent("diary-1", "b")).isFalse();
        cache.<String>computeIfPresent("diary-1", value -> value + "c");
        assertThat(cache.<String, String>get("diary-1")).isEqualTo("ac");

        cache.<String>computeIfPresent("diary-1", value -> null);
        assertThat(cache.containsKey("diary-1")).isFalse();
    }

    @Test
    void tellsRegisteredListenersWhatHappenedUntilTheyUnregister() {
        List<String> heard = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("invoice-1", "v1");
        cache.put("invoice-1", "v2");
        cache.removeAll();
        registration.cancel();
        cache.put("invoice-2", "v1");

        assertThat(heard).containsExactly("created invoice-1", "updated invoice-1", "removed invoice-1");
    }

    @Test
    void holdsNoMoreThanItsBound() {
        BoundedAggregateCache small = new BoundedAggregateCache(10);
        for (int i = 0; i < 1_000; i++) {
            small.put("aggregate-" + i, "state-" + i);
        }

        long kept = java.util.stream.IntStream.range(0, 1_000).filter(i -> small.containsKey("aggregate-" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(10);
    }
}
