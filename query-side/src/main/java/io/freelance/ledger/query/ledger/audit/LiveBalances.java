package io.freelance.ledger.query.ledger.audit;

import static com.mongodb.client.model.Filters.in;
import static io.freelance.ledger.query.ledger.LedgerFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.freelance.ledger.query.readstore.IdChunks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The live ledger's balances as of a global index. Live traffic goes on while an audit runs, so the live
 * model may have applied entries the audit did not read: walking each balance's statement back from its
 * newest posting, the postings of entries stored after the index are taken off again. Reads go by
 * {@code _id} in chunks (postings by their number on the statement, entries by id).
 */
@Component
public class LiveBalances {

    private static final int READ_CHUNK = 1_000;

    private final MongoCollection<Document> balances;
    private final MongoCollection<Document> postings;
    private final MongoCollection<Document> journalEntries;

    public LiveBalances(MongoDatabase readModelDatabase) {
        this.balances = readModelDatabase.getCollection(BALANCES);
        this.postings = readModelDatabase.getCollection(POSTINGS);
        this.journalEntries = readModelDatabase.getCollection(JOURNAL_ENTRIES);
    }

    /** By balance id; entries stored after {@code upToIndex} are not counted. */
    public Map<String, LiveBalance> asOfIndex(long upToIndex) {
        Map<String, LiveBalance> live = new HashMap<>();
        Map<String, Long> postingCounts = new HashMap<>();
        balances.find().projection(Projections.include(ACCOUNT, CURRENCY, BALANCE_MINOR_UNITS, POSTING_COUNT))
                .forEach(document -> {
                    String balanceId = document.getString(ID);
                    live.put(balanceId, new LiveBalance(document.getString(ACCOUNT), document.getString(CURRENCY),
                            document.getLong(BALANCE_MINOR_UNITS)));
                    Number count = (Number) document.get(POSTING_COUNT);
                    if (count != null && count.longValue() > 0) {
                        postingCounts.put(balanceId, count.longValue());
                    }
                });
        Map<String, Long> newestPosting = postingCounts;
        while (!newestPosting.isEmpty()) {
            newestPosting = undoNewerThan(upToIndex, newestPosting, live);
        }
        return live;
    }

    /** Takes off the postings of entries stored after the index; answers the balances whose previous posting must be looked at too. */
    private Map<String, Long> undoNewerThan(long upToIndex, Map<String, Long> newestPosting, Map<String, LiveBalance> live) {
        Map<String, Document> postingById = byId(postings, newestPosting.entrySet().stream()
                .map(newest -> postingId(newest.getKey(), newest.getValue())).toList(), ENTRY_ID, AMOUNT_MINOR_UNITS);
        Map<String, Document> entryById = byId(journalEntries,
                postingById.values().stream().map(posting -> posting.getString(ENTRY_ID)).distinct().toList(), POSITION);
        Map<String, Long> stillNewer = new HashMap<>();
        newestPosting.forEach((balanceId, number) -> {
            Document posting = postingById.get(postingId(balanceId, number));
            Document entry = posting == null ? null : entryById.get(posting.getString(ENTRY_ID));
            if (entry != null && entry.getLong(POSITION) > upToIndex) {
                live.put(balanceId, live.get(balanceId).without(posting.getLong(AMOUNT_MINOR_UNITS)));
                if (number > 1) {
                    stillNewer.put(balanceId, number - 1);
                }
            }
        });
        return stillNewer;
    }

    private static Map<String, Document> byId(MongoCollection<Document> collection, List<String> ids, String... fields) {
        Map<String, Document> found = new HashMap<>();
        for (List<String> chunk : IdChunks.of(ids, READ_CHUNK)) {
            collection.find(in(ID, chunk))
                    .projection(Projections.include(fields))
                    .forEach(document -> found.put(document.getString(ID), document));
        }
        return found;
    }
}
