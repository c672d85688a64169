package io.freelance.ledger.query.messaging.live;

import io.freelance.ledger.query.security.WebSocketAdmission;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the GraphQL WebSocket connections each user holds open and the subscriptions each connection runs, and
 * admits one more only under {@link LiveLimitProperties}. A connection's slot is freed when it closes, however it
 * closes (the sign-in interceptor reports every close); its subscriptions are forgotten with it.
 * <p>
 * Kept in this process's memory, like {@link Presence}: in distributed mode each query-side instance counts the
 * connections it serves, so a user may hold the limit at each instance; the limit still bounds what any one
 * instance spends on a user.
 */
public class LiveConnectionLimits implements WebSocketAdmission {

    private final LiveLimitProperties limits;
    private final Map<String, Integer> openConnectionsByUser = new ConcurrentHashMap<>();
    private final Map<String, OpenConnection> openConnections = new ConcurrentHashMap<>();

    public LiveConnectionLimits(LiveLimitProperties limits) {
        this.limits = limits;
    }

    private record OpenConnection(String userId, AtomicInteger activeSubscriptions) {
    }

    @Override
    public Optional<String> admit(String connectionId, String userId) {
        if (openConnections.containsKey(connectionId)) {
            return Optional.empty();
        }
        boolean[] admitted = new boolean[1];
        openConnectionsByUser.compute(userId, (user, open) -> {
            int alreadyOpen = open == null ? 0 : open;
            admitted[0] = alreadyOpen < limits.maxConnectionsPerUser();
            return admitted[0] ? alreadyOpen + 1 : open;
        });
        if (!admitted[0]) {
            return Optional.of(connectionRefusal());
        }
        openConnections.put(connectionId, new OpenConnection(userId, new AtomicInteger()));
        return Optional.empty();
    }

    @Override
    public void closed(String connectionId) {
        OpenConnection connection = openConnections.remove(connectionId);
        if (connection != null) {
            openConnectionsByUser.computeIfPresent(connection.userId(), (user, open) -> open > 1 ? open - 1 : null);
        }
    }

    /**
     * Counts one more subscription of the connection until {@link #subscriptionEnded}; false past the limit, and for
     * a connection not open (it can start nothing more).
     */
    public boolean admitSubscription(String connectionId) {
        OpenConnection connection = openConnections.get(connectionId);
        int max = limits.maxSubscriptionsPerConnection();
        return connection != null && connection.activeSubscriptions().getAndUpdate(active -> active < max ? active + 1 : active) < max;
    }

    /** A subscription ended; for a connection already closed, nothing is left to count down. */
    public void subscriptionEnded(String connectionId) {
        OpenConnection connection = openConnections.get(connectionId);
        if (connection != null) {
            connection.activeSubscriptions().updateAndGet(active -> Math.max(0, active - 1));
        }
    }

    public int openConnectionsOf(String userId) {
        return openConnectionsByUser.getOrDefault(userId, 0);
    }

    /** The close frame's reason: short enough for one (at most 123 bytes), and naming the setting. */
    String connectionRefusal() {
        return "At most %d open connections per user (%s); close one first."
                .formatted(limits.maxConnectionsPerUser(), LiveLimitProperties.MAX_CONNECTIONS_PER_USER);
    }

    String subscriptionRefusal() {
        return "This connection already runs %d subscriptions, the most one may (%s); complete one first, or open another connection."
                .formatted(limits.maxSubscriptionsPerConnection(), LiveLimitProperties.MAX_SUBSCRIPTIONS_PER_CONNECTION);
    }
}
