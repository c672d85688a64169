package io.freelance.ledger.query.diary;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.query.readstore.AppliedVersions;
import io.freelance.ledger.query.readstore.BsonTimes;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code work_diaries} collection: one document per WorkDiary aggregate (a contract-week),
 * keyed by its id. An event changes one or a few cells with one update by {@code _id} and moves the
 * document's version to its sequence number; the projection applies it only when that number is newer,
 * so a repeated event changes nothing. One processor thread applies a diary's events in order.
 */
@Component
public class WorkDiaryStore {

    static final String COLLECTION = "work_diaries";
    static final String AGGREGATE_TYPE = "WorkDiary";

    private final MongoCollection<Document> diaries;
    private final AppliedVersions appliedVersions;

    public WorkDiaryStore(MongoDatabase readModelDatabase, AppliedVersions appliedVersions) {
        this.diaries = readModelDatabase.getCollection(COLLECTION);
        this.appliedVersions = appliedVersions;
    }

    /** -1 before any of the diary's events. */
    long storedVersion(String workDiaryId) {
        return WorkDiaryDocuments.storedVersion(diaries, workDiaryId);
    }

    Optional<RecordedWeek> find(String workDiaryId) {
        return WorkDiaryDocuments.find(diaries, workDiaryId);
    }

    /**
     * Applies {@code cellChanges} under the event's version; the caller has compared versions. The
     * contract and week are set on every write, so the first event of a diary creates a whole document.
     */
    void write(String workDiaryId, String contractId, Instant anyCellOfTheWeek, long sequenceNumber, Bson cellChanges) {
        diaries.updateOne(eq(WorkDiaryDocuments.ID, workDiaryId), Updates.combine(cellChanges,
                        Updates.set(WorkDiaryDocuments.CONTRACT_ID, contractId),
                        Updates.set(WorkDiaryDocuments.WEEK_START, BsonTimes.toIsoDate(UtcWeek.weekStartDate(anyCellOfTheWeek))),
                        Updates.set(WorkDiaryDocuments.VERSION, sequenceNumber)),
                new UpdateOptions().upsert(true));
        // Delivered once the processor's unit of work has committed, so a woken reader sees the write.
        appliedVersions.applied(AGGREGATE_TYPE, workDiaryId, sequenceNumber);
    }

    void deleteAll() {
        diaries.deleteMany(new Document());
    }
}
