package io.freelance.ledger.query.messaging.live;

import io.freelance.ledger.query.security.WebSocketConnections;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who is online: a user with at least one signed-in GraphQL WebSocket connection open (a client that
 * listens for messages), or whose last signed-in HTTP request is at most
 * {@code ledger.messaging.presence.recent-request-window} old. The offline email about unread messages asks
 * this before it goes out.
 * <p>
 * Kept in this process's memory, which is exact in standalone mode, where one process serves every
 * connection and request. With {@code ledger.messaging.presence.shared} (distributed mode, several query-side
 * instances) a user offline here is also looked up in the {@link SharedPresence} every instance writes, so a
 * user served by another instance is not taken for offline. After a restart of every instance everyone starts
 * offline until they connect or send a request again.
 */
public class Presence implements WebSocketConnections {

    private final Clock clock;
    private final PresenceProperties properties;
    private final Map<String, String> userOfConnection = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> openConnections = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRequests = new ConcurrentHashMap<>();
    private final Optional<SharedPresence> shared;

    public Presence(Clock clock, PresenceProperties properties, Optional<SharedPresence> shared) {
        this.clock = clock;
        this.properties = properties;
        this.shared = shared;
    }

    public boolean isOnline(String userId) {
        return isOnlineHere(userId) || shared.map(presence -> presence.isOnline(userId, clock.instant())).orElse(false);
    }

    /** Renews, in the shared presence, the users with a connection open here; nothing when presence is not shared. */
    public void heartbeat() {
        shared.ifPresent(presence -> presence.connected(List.copyOf(openConnections.keySet()), clock.instant()));
    }

    private boolean isOnlineHere(String userId) {
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
        Instant now = clock.instant();
        lastRequests.put(userId, now);
        shared.ifPresent(presence -> presence.requestSeen(userId, now));
    }

    @Override
    public void opened(String connectionId, String userId) {
        if (userOfConnection.putIfAbsent(connectionId, userId) == null) {
            openConnections.computeIfAbsent(userId, user -> new AtomicInteger()).incrementAndGet();
            shared.ifPresent(presence -> presence.connected(List.of(userId), clock.instant()));
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
