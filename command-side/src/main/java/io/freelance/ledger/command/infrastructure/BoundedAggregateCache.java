package io.freelance.ledger.command.infrastructure;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache on Caffeine: at most {@code maximumAggregates} entries, least recently used
 * first out, each held by a soft reference so a heap under pressure can still take them back.
 * <p>
 * Axon's {@code WeakReferenceCache} loses every aggregate no command holds at the next young
 * collection, which under load comes every few hundred milliseconds: a contract with 100 milestones
 * was then read back from the event store (hundreds of events) for most commands on it. A soft
 * reference survives until the heap is actually short.
 */
final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    BoundedAggregateCache(long maximumAggregates) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumAggregates)
                .softValues()
                // Evictions run on the writing thread: the bound holds after every put, not some time later.
                .executor(Runnable::run)
                .build()
                .asMap();
    }

    @Override
    public <K, V> V get(K key) {
        Objects.requireNonNull(key, "key");
        @SuppressWarnings("unchecked")
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        boolean replaced = entries.put(key, value) != null;
        listeners.forEach(listener -> {
            if (replaced) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        boolean created = entries.putIfAbsent(key, value) == null;
        if (created) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return created;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        boolean[] created = {false};
        @SuppressWarnings("unchecked")
        T value = (T) entries.computeIfAbsent(key, ignored -> {
            created[0] = true;
            return Objects.requireNonNull(valueSupplier.get(), () -> "no value supplied for " + key);
        });
        if (created[0]) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        @SuppressWarnings("unchecked")
        Object updated = entries.computeIfPresent(key, (ignored, current) -> update.apply((V) current));
        if (updated != null) {
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
        } else {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        listeners.add(entryListener);
        return () -> listeners.remove(entryListener);
    }
}
