package io.freelance.ledger.query.dispute;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.freelance.ledger.query.readstore.BsonTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The open disputes, one small document each ({@code _id} the dispute id, and when it opened), removed when the
 * dispute is settled. The desk reads the whole collection and orders it in memory: it holds only what is open,
 * so the read stays small however many disputes were ever settled, and the embedded read store (which ignores
 * secondary indexes) is never asked to filter or sort. Past {@link #MAX_OPEN} open disputes a read fails loudly
 * rather than slowly; by then the queue belongs in a real MongoDB with an index on {@code openedAt}.
 */
@Component
public class DisputeQueue {

    static final String COLLECTION = "dispute_queue";
    static final int MAX_OPEN = 50_000;
    private static final String OPENED_AT = "openedAt";

    private final MongoCollection<Document> queue;

    public DisputeQueue(MongoDatabase readModelDatabase) {
        this.queue = readModelDatabase.getCollection(COLLECTION);
    }

    void enqueue(String disputeId, Instant openedAt) {
        queue.replaceOne(eq("_id", disputeId), new Document("_id", disputeId).append(OPENED_AT, BsonTimes.toDate(openedAt)),
                new ReplaceOptions().upsert(true));
    }

    void dequeue(String disputeId) {
        queue.deleteOne(eq("_id", disputeId));
    }

    /** Up to {@code limit} open disputes, oldest first, after the one at {@code after} when it is given. */
    List<QueuedDispute> oldestFirst(QueuedDispute after, int limit) {
        List<QueuedDispute> open = new ArrayList<>();
        for (Document document : queue.find()) {
            open.add(new QueuedDispute(BsonTimes.instant(document, OPENED_AT), document.getString("_id")));
            if (open.size() > MAX_OPEN) {
                throw new IllegalStateException("More than " + MAX_OPEN + " open disputes: the queue needs an index");
            }
        }
        return open.stream()
                .sorted(QueuedDispute.ORDER)
                .filter(queued -> after == null || QueuedDispute.ORDER.compare(queued, after) > 0)
                .limit(limit)
                .toList();
    }

    void deleteAll() {
        queue.deleteMany(new Document());
    }

    /** A dispute's place in the queue: when it opened, then its id, so two openings at one instant keep an order. */
    record QueuedDispute(Instant openedAt, String disputeId) {

        static final Comparator<QueuedDispute> ORDER =
                Comparator.comparing(QueuedDispute::openedAt).thenComparing(QueuedDispute::disputeId);
    }
}
