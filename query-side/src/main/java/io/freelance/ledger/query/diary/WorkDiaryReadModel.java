package io.freelance.ledger.query.diary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.query.readstore.VersionedReadModel;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reads a contract's Work Diary one week at a time, by the week's id: one read by {@code _id}. Reads the
 * collection itself rather than through the store: the store publishes applied versions, which needs
 * every versioned read model first.
 */
@Component
public class WorkDiaryReadModel implements VersionedReadModel {

    private final MongoCollection<Document> diaries;

    public WorkDiaryReadModel(MongoDatabase readModelDatabase) {
        this.diaries = readModelDatabase.getCollection(WorkDiaryStore.COLLECTION);
    }

    /** The week starting on {@code monday}; without cells when nothing was recorded in it. */
    public RecordedWeek week(String contractId, LocalDate monday) {
        String workDiaryId = WorkDiaryId.forWeek(contractId, monday);
        return WorkDiaryDocuments.find(diaries, workDiaryId)
                .orElseGet(() -> RecordedWeek.empty(workDiaryId, contractId, monday));
    }

    /** The weeks starting on {@code mondays}, in that order, in one read by {@code _id}. */
    public List<RecordedWeek> weeks(String contractId, List<LocalDate> mondays) {
        Map<String, RecordedWeek> stored = new HashMap<>();
        List<String> workDiaryIds = mondays.stream().map(monday -> WorkDiaryId.forWeek(contractId, monday)).toList();
        diaries.find(Filters.in(WorkDiaryDocuments.ID, workDiaryIds))
                .forEach(document -> stored.put(document.getString(WorkDiaryDocuments.ID), WorkDiaryDocuments.toWeek(document)));
        List<RecordedWeek> weeks = new ArrayList<>(mondays.size());
        for (int index = 0; index < mondays.size(); index++) {
            String workDiaryId = workDiaryIds.get(index);
            weeks.add(stored.getOrDefault(workDiaryId, RecordedWeek.empty(workDiaryId, contractId, mondays.get(index))));
        }
        return weeks;
    }

    @Override
    public String aggregateType() {
        return WorkDiaryStore.AGGREGATE_TYPE;
    }

    @Override
    public long appliedVersion(String workDiaryId) {
        return WorkDiaryDocuments.storedVersion(diaries, workDiaryId);
    }
}
