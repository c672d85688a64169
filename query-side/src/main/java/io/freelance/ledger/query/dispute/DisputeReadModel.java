package io.freelance.ledger.query.dispute;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.freelance.ledger.query.dispute.DisputeQueue.QueuedDispute;
import io.freelance.ledger.query.readstore.IdLists;
import io.freelance.ledger.query.readstore.VersionedReadModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads disputes by {@code _id}: one, a page of the open queue, or a page of a party's list. */
@Component
public class DisputeReadModel implements VersionedReadModel {

    private final MongoCollection<Document> disputes;
    private final DisputeQueue queue;
    private final DisputeLists lists;

    public DisputeReadModel(MongoDatabase readModelDatabase, DisputeQueue queue, DisputeLists lists) {
        this.disputes = readModelDatabase.getCollection(DisputeStore.COLLECTION);
        this.queue = queue;
        this.lists = lists;
    }

    public Optional<DisputeView> findById(String disputeId) {
        return Optional.ofNullable(disputes.find(eq("_id", disputeId)).first()).map(DisputeDocuments::toView);
    }

    /**
     * Up to {@code pageSize + 1} open disputes, oldest first, so the caller sees whether more follow. A dispute
     * settled between the queue read and the dispute read is left out.
     */
    List<QueuedView> queuePage(QueuedDispute after, int pageSize) {
        List<QueuedDispute> queued = queue.oldestFirst(after, pageSize + 1);
        Map<String, DisputeView> found = byId(queued.stream().map(QueuedDispute::disputeId).toList());
        List<QueuedView> page = new ArrayList<>();
        for (QueuedDispute entry : queued) {
            DisputeView dispute = found.get(entry.disputeId());
            if (dispute != null && dispute.status() != DisputeStatus.SETTLED) {
                page.add(new QueuedView(entry, dispute));
            }
        }
        return page;
    }

    /** Up to {@code pageSize + 1} of the party's disputes, newest first; a repeat after a crash is dropped. */
    List<ListedView> pageOfParty(String userId, Long after, int pageSize) {
        List<ListedView> page = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Long before = after;
        while (page.size() <= pageSize) {
            List<IdLists.Entry> entries = lists.newestOfParty(userId, before, pageSize + 1 - page.size());
            if (entries.isEmpty()) {
                break;
            }
            Map<String, DisputeView> found = byId(entries.stream().map(IdLists.Entry::id).toList());
            for (IdLists.Entry entry : entries) {
                DisputeView dispute = found.get(entry.id());
                if (dispute != null && seen.add(entry.id())) {
                    page.add(new ListedView(entry.position(), dispute));
                }
            }
            before = entries.get(entries.size() - 1).position();
        }
        return page;
    }

    @Override
    public String aggregateType() {
        return DisputeStore.AGGREGATE_TYPE;
    }

    @Override
    public long appliedVersion(String disputeId) {
        Document stored = disputes.find(eq("_id", disputeId))
                .projection(Projections.include(DisputeDocuments.VERSION)).first();
        return stored == null ? -1 : DisputeDocuments.versionOf(stored);
    }

    private Map<String, DisputeView> byId(List<String> ids) {
        Map<String, DisputeView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            disputes.find(in("_id", ids)).forEach(document -> found.put(document.getString("_id"),
                    DisputeDocuments.toView(document)));
        }
        return found;
    }

    record QueuedView(QueuedDispute place, DisputeView dispute) {
    }

    record ListedView(long position, DisputeView dispute) {
    }
}
