package io.freelance.ledger.query.messaging.live;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Presence that every query-side instance shares, in the read store's {@code presence} collection: one document
 * per user, by {@code _id}, with the latest signed-in request any instance saw ({@code requestAt}) and the latest
 * time an instance held an open subscription connection of the user ({@code connectedAt}, renewed by each
 * instance's heartbeat). Times only move forward ({@code $max}), so instances never undo each other.
 * <p>
 * Why: in distributed mode each instance sees only its own connections and requests, and would take a user
 * served by another instance for offline (and email them). Costs are bounded: a request is written at most
 * once a {@link #REQUEST_EVERY} per user and instance, connections once a heartbeat. So a request counts up to a
 * minute less than the window, and a connection up to two heartbeats after it closed or its instance died.
 */
public class SharedPresence {

    static final String COLLECTION = "presence";
    static final Duration REQUEST_EVERY = Duration.ofMinutes(1);
    private static final String REQUEST_AT = "requestAt";
    private static final String CONNECTED_AT = "connectedAt";

    private final MongoCollection<Document> presence;
    private final PresenceProperties properties;
    private final Map<String, Instant> requestsWritten = new ConcurrentHashMap<>();

    public SharedPresence(MongoDatabase readModelDatabase, PresenceProperties properties) {
        this.presence = readModelDatabase.getCollection(COLLECTION);
        this.properties = properties;
    }

    void requestSeen(String userId, Instant at) {
        Instant written = requestsWritten.get(userId);
        if (written != null && written.plus(REQUEST_EVERY).isAfter(at)) {
            return;
        }
        if (requestsWritten.size() >= properties.maxRememberedUsers()) {
            requestsWritten.clear(); // only the throttle's memory: at worst a few writes more
        }
        requestsWritten.put(userId, at);
        presence.updateOne(eq("_id", userId), Updates.max(REQUEST_AT, Date.from(at)), new UpdateOptions().upsert(true));
    }

    /** These users have an open connection on this instance at this moment. */
    void connected(Collection<String> userIds, Instant at) {
        List<WriteModel<Document>> renewals = userIds.stream()
                .<WriteModel<Document>>map(userId -> new UpdateOneModel<>(eq("_id", userId),
                        Updates.max(CONNECTED_AT, Date.from(at)), new UpdateOptions().upsert(true)))
                .toList();
        if (!renewals.isEmpty()) {
            presence.bulkWrite(renewals);
        }
    }

    boolean isOnline(String userId, Instant now) {
        Document seen = presence.find(eq("_id", userId)).first();
        if (seen == null) {
            return false;
        }
        return within(seen.getDate(REQUEST_AT), properties.recentRequestWindow(), now)
                || within(seen.getDate(CONNECTED_AT), properties.sharedHeartbeat().multipliedBy(2), now);
    }

    private static boolean within(Date at, Duration window, Instant now) {
        return at != null && !at.toInstant().plus(window).isBefore(now);
    }
}
