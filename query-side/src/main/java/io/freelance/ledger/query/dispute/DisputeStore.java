package io.freelance.ledger.query.dispute;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.freelance.ledger.query.readstore.AppliedVersions;
import io.freelance.ledger.query.readstore.Versioned;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code disputes} collection: one document per dispute, keyed by its id, with the version of the last event
 * applied (the Dispute aggregate's, or for an hour dispute its invoice's), plus the queue of open disputes and the
 * parties' lists. Reads and writes go by {@code _id} alone.
 */
@Component
public class DisputeStore {

    static final String COLLECTION = "disputes";
    /** The versions mutations wait for: the Dispute aggregate's, or an hour dispute's invoice's, by dispute id. */
    static final String AGGREGATE_TYPE = "Dispute";

    private final MongoCollection<Document> disputes;
    private final DisputeQueue queue;
    private final DisputeLists lists;
    private final AppliedVersions appliedVersions;

    public DisputeStore(MongoDatabase readModelDatabase, DisputeQueue queue, DisputeLists lists,
                        AppliedVersions appliedVersions) {
        this.disputes = readModelDatabase.getCollection(COLLECTION);
        this.queue = queue;
        this.lists = lists;
        this.appliedVersions = appliedVersions;
    }

    Optional<Versioned<DisputeView>> find(String disputeId) {
        return Optional.ofNullable(disputes.find(eq("_id", disputeId)).first())
                .map(document -> new Versioned<>(DisputeDocuments.versionOf(document), DisputeDocuments.toView(document)));
    }

    /**
     * The lists and the queue first: after a crash between the writes the opening is applied again and they
     * drop the repeat, while the other order could leave a dispute no list or queue shows.
     */
    void opened(DisputeView dispute, long sequenceNumber) {
        if (find(dispute.id()).isEmpty()) {
            lists.opened(dispute);
            queue.enqueue(dispute.id(), dispute.openedAt());
            write(sequenceNumber, dispute);
        }
    }

    /** Out of the queue before the settled dispute is written, so a redelivery after a crash finishes the job. */
    void write(long sequenceNumber, DisputeView dispute) {
        if (dispute.status() == DisputeStatus.SETTLED) {
            queue.dequeue(dispute.id());
        }
        disputes.replaceOne(eq("_id", dispute.id()), DisputeDocuments.toDocument(dispute, sequenceNumber),
                new ReplaceOptions().upsert(true));
        // Delivered once the processor's unit of work has committed, so a woken reader sees the write.
        appliedVersions.applied(AGGREGATE_TYPE, dispute.id(), sequenceNumber);
    }

    void deleteAll() {
        disputes.deleteMany(new Document());
        queue.deleteAll();
        lists.deleteAll();
    }
}
