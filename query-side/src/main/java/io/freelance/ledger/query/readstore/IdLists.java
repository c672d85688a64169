package io.freelance.ledger.query.readstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Append-only lists of ids (a user's contracts, an owner's accounts, a currency's accounts) kept in
 * documents addressed by {@code _id}: a head {@code <list>} with the number of entries and buckets
 * {@code <list>#<n>} of up to {@value #BUCKET_SIZE} ids each. Lists are read newest first, a few buckets
 * per query. A filter on anything but {@code _id} would be a collection scan on the embedded read
 * store, which ignores secondary indexes, and it would slow down as other users' data grows.
 * <p>
 * Appends come from one projection thread. An append is idempotent: a bucket adds an id it already holds
 * only once, and the head counts only what was added. After a crash between an id's bucket write and
 * its head count an id can still be listed twice, in a later bucket; readers drop repeats.
 */
public final class IdLists {

    public static final int BUCKET_SIZE = 200;
    /** Positions leave room for a bucket that grew past its nominal size; only their order matters. */
    private static final long POSITIONS_PER_BUCKET = 1L << 20;
    private static final int BUCKETS_PER_READ = 5;
    private static final String ID = "_id";
    private static final String IDS = "ids";
    private static final String COUNT = "count";

    private final MongoCollection<Document> collection;

    public IdLists(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public void append(String list, String id) {
        long bucket = count(list) / BUCKET_SIZE;
        UpdateResult result = collection.updateOne(eq(ID, bucketId(list, bucket)), Updates.addToSet(IDS, id),
                new UpdateOptions().upsert(true));
        if (result.getModifiedCount() > 0 || result.getUpsertedId() != null) {
            collection.updateOne(eq(ID, list), Updates.inc(COUNT, 1L), new UpdateOptions().upsert(true));
        }
    }

    /**
     * Up to {@code limit} entries, newest first, each with a position for a cursor; only entries older
     * than {@code beforePosition} when it is given.
     */
    public List<Entry> newestFirst(String list, Long beforePosition, int limit) {
        List<Entry> entries = new ArrayList<>();
        long bucket = beforePosition == null ? count(list) / BUCKET_SIZE : beforePosition / POSITIONS_PER_BUCKET;
        while (bucket >= 0 && entries.size() < limit) {
            long lowest = Math.max(0, bucket - BUCKETS_PER_READ + 1);
            Map<Long, List<String>> buckets = buckets(list, lowest, bucket);
            for (long current = bucket; current >= lowest && entries.size() < limit; current--) {
                List<String> ids = buckets.getOrDefault(current, List.of());
                for (int index = ids.size() - 1; index >= 0 && entries.size() < limit; index--) {
                    long position = current * POSITIONS_PER_BUCKET + index;
                    if (beforePosition == null || position < beforePosition) {
                        entries.add(new Entry(position, ids.get(index)));
                    }
                }
            }
            bucket = lowest - 1;
        }
        return entries;
    }

    /** Every id of the list, once each, oldest first. */
    public Set<String> all(String list) {
        Set<String> ids = new LinkedHashSet<>();
        long lastBucket = count(list) / BUCKET_SIZE;
        for (long lowest = 0; lowest <= lastBucket; lowest += BUCKETS_PER_READ) {
            Map<Long, List<String>> buckets = buckets(list, lowest, Math.min(lastBucket, lowest + BUCKETS_PER_READ - 1));
            buckets.keySet().stream().sorted().forEach(bucket -> ids.addAll(buckets.get(bucket)));
        }
        return ids;
    }

    public void deleteAll() {
        collection.deleteMany(new Document());
    }

    private long count(String list) {
        Document head = collection.find(eq(ID, list)).first();
        return head == null ? 0 : ((Number) head.get(COUNT)).longValue();
    }

    private Map<Long, List<String>> buckets(String list, long lowest, long highest) {
        List<String> bucketIds = new ArrayList<>();
        for (long bucket = lowest; bucket <= highest; bucket++) {
            bucketIds.add(bucketId(list, bucket));
        }
        Map<Long, List<String>> byBucket = new HashMap<>();
        collection.find(in(ID, bucketIds)).forEach(document -> {
            String id = document.getString(ID);
            byBucket.put(Long.parseLong(id.substring(id.lastIndexOf('#') + 1)), document.getList(IDS, String.class));
        });
        return byBucket;
    }

    private static String bucketId(String list, long bucket) {
        return list + "#" + bucket;
    }

    /** An id and where it stands in its list. */
    public record Entry(long position, String id) {
    }
}
