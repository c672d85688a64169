package io.freelance.ledger.query.dispute.history;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The aggregates whose events belong to each contract, one document per contract ({@code _id} = contract id,
 * {@code aggregateIds}), read by {@code _id} alone: the embedded read store scans a collection for any other
 * filter. Needed for the aggregates whose ids a contract id does not give: a work-diary week's or an
 * invoice's id names its week too, and a reader of the history does not know which weeks were worked.
 * One contract holds a few aggregates a week at most, so the list stays small.
 */
@Component
public class ContractStreams {

    static final String COLLECTION = "contract_streams";
    private static final String ID = "_id";
    private static final String AGGREGATE_IDS = "aggregateIds";

    private final MongoCollection<Document> streams;

    public ContractStreams(MongoDatabase readModelDatabase) {
        this.streams = readModelDatabase.getCollection(COLLECTION);
    }

    /** Idempotent: an aggregate is listed once however often it is recorded. */
    void record(String contractId, String aggregateId) {
        streams.updateOne(eq(ID, contractId), Updates.addToSet(AGGREGATE_IDS, aggregateId), new UpdateOptions().upsert(true));
    }

    List<String> aggregatesOf(String contractId) {
        Document document = streams.find(eq(ID, contractId)).first();
        return document == null ? List.of() : document.getList(AGGREGATE_IDS, String.class, List.of());
    }

    void deleteAll() {
        streams.deleteMany(new Document());
    }
}
