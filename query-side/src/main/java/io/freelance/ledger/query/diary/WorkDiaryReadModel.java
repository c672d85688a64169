package io.freelance.ledger.query.diary;

import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.query.readstore.VersionedReadModel;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Reads a contract's Work Diary one week at a time, by the week's id: one read by {@code _id}. */
@Component
public class WorkDiaryReadModel implements VersionedReadModel {

    private final WorkDiaryStore store;

    public WorkDiaryReadModel(WorkDiaryStore store) {
        this.store = store;
    }

    /** The week starting on {@code monday}; without cells when nothing was recorded in it. */
    public RecordedWeek week(String contractId, LocalDate monday) {
        String workDiaryId = WorkDiaryId.forWeek(contractId, monday);
        return store.find(workDiaryId).orElseGet(() -> RecordedWeek.empty(workDiaryId, contractId, monday));
    }

    @Override
    public String aggregateType() {
        return WorkDiaryStore.AGGREGATE_TYPE;
    }

    @Override
    public long appliedVersion(String workDiaryId) {
        return store.storedVersion(workDiaryId);
    }
}
