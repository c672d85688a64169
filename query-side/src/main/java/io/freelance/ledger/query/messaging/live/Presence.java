package io.freelance.ledger.query.messaging.live;

import io.freelance.ledger.query.security.WebSocketConnections;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who is online: a user with at least one signed-in GraphQL WebSocket connection open (a client that
 * listens for messages), or whose last signed-in HTTP request is at most
 * {@code ledger.messaging.presence.recent-request-window} old. The offline email about unread messages asks
 * this before it goes out.
 * <p>
 * Kept in this process's memory, which is exact in standalone mode, where one process serves every
 * connection and request. In distributed mode each query-side instance sees only its own connections and
 * requests, so presence would live in a store every instance reaches (a MongoDB collection or a cache with
 * expiry, written on connect, disconnect and at most once a minute per user for requests); until then an
 * instance may take a user served by another instance for offline. After a restart everyone starts
 * offline until they connect or send a request again.
 */
public class Presence implements WebSocketConnections {

    private final Clock clock;
    private final PresenceProperties properties;
    private final Map<String, String> userOfConnection = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> openConnections = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRequests = new ConcurrentHashMap<>();

    public Presence(Clock clock, PresenceProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    public boolean isOnline(String userId) {
        AtomicInteger open = openConnections.get(userId);
        if (open != null && open.get() > 0) {
            return true;
        }
        Instant lastRequest = lastRequests.get(userId);
        return lastRequest != null && !lastRequest.plus(properties.recentRequestWindow()).isBefore(clock.instant());
    }

    /** A signed-in HTTP request of the user, now. */
    public void requestSeen(String userId) {
        if (lastRequests.size() >= properties.maxRememberedUsers() && !lastRequests.containsKey(userId)) {
            forgetOlderThanWindow();
        }
        lastRequests.put(userId, clock.instant());
    }

    @Override
    public void opened(String connectionId, String userId) {
        if (userOfConnection.putIfAbsent(connectionId, userId) == null) {
            openConnections.computeIfAbsent(userId, user -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Override
    public void closed(String connectionId) {
        String userId = userOfConnection.remove(connectionId);
        if (userId != null) {
            openConnections.computeIfPresent(userId, (user, open) -> open.decrementAndGet() <= 0 ? null : open);
        }
    }

    /** Users whose last request is outside the window are offline by it anyway: forgetting them changes no answer. */
    private void forgetOlderThanWindow() {
        Instant oldestThatCounts = clock.instant().minus(properties.recentRequestWindow());
        lastRequests.values().removeIf(lastRequest -> lastRequest.isBefore(oldestThatCounts));
        if (lastRequests.size() >= properties.maxRememberedUsers()) {
            // Still full of recent users: forget an arbitrary one rather than grow without bound.
            lastRequests.keySet().stream().findAny().ifPresent(lastRequests::remove);
        }
    }
}
