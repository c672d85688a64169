package io.freelance.ledger.query.diary;

import com.mongodb.client.model.Updates;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.diary.ManualTimeRecordedEvent;
import io.freelance.ledger.diary.SegmentDeletedEvent;
import io.freelance.ledger.diary.SegmentMemoEditedEvent;
import io.freelance.ledger.diary.TrackedSegmentRecordedEvent;
import io.freelance.ledger.diary.WorkDiaryWeekLockedEvent;
import io.freelance.ledger.query.readstore.BsonTimes;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The WorkDiary aggregate's events into {@code work_diaries} (one document per contract-week) and
 * {@code diary_screenshots} (which cells show a screenshot). A processing group of its own: the tracker's
 * segments are the service's most frequent events and must not queue behind contracts and escrow.
 * Overtime and protection are not stored: the read computes them for the whole week with the one rule.
 */
@Component
@ProcessingGroup(WorkDiaryProjection.PROCESSING_GROUP)
public class WorkDiaryProjection {

    public static final String PROCESSING_GROUP = "diary-projection";

    private final WorkDiaryStore store;
    private final DiaryScreenshotReferences screenshots;

    public WorkDiaryProjection(WorkDiaryStore store, DiaryScreenshotReferences screenshots) {
        this.store = store;
        this.screenshots = screenshots;
    }

    @EventHandler
    public void on(TrackedSegmentRecordedEvent event, @SequenceNumber long sequenceNumber) {
        if (alreadyApplied(event.workDiaryId(), sequenceNumber)) {
            return;
        }
        if (event.screenshotHash() != null) {
            screenshots.shown(event.screenshotHash(), event.contractId(), event.cellDateTime());
        }
        RecordedCell cell = new RecordedCell(event.cellDateTime(), false, event.minutes(), event.memo(),
                event.activityLabel(), event.activeWindowTitle(), event.screenshotHash(), event.recordedAt());
        store.write(event.workDiaryId(), event.contractId(), event.cellDateTime(), sequenceNumber, setCell(cell));
    }

    @EventHandler
    public void on(ManualTimeRecordedEvent event, @SequenceNumber long sequenceNumber) {
        if (alreadyApplied(event.workDiaryId(), sequenceNumber)) {
            return;
        }
        List<Bson> cells = DiaryInput.cellsBetween(event.from(), event.to()).stream()
                .map(cell -> setCell(RecordedCell.manual(cell, event.memo(), event.recordedAt())))
                .toList();
        store.write(event.workDiaryId(), event.contractId(), event.from(), sequenceNumber, Updates.combine(cells));
    }

    /** The diary only edits recorded cells; an edit of a cell this read model lacks is a bug, parked as a dead letter. */
    @EventHandler
    public void on(SegmentMemoEditedEvent event, @SequenceNumber long sequenceNumber) {
        if (alreadyApplied(event.workDiaryId(), sequenceNumber)) {
            return;
        }
        boolean recorded = store.find(event.workDiaryId()).stream()
                .flatMap(week -> week.cells().stream())
                .anyMatch(cell -> cell.cellDateTime().equals(event.cellDateTime()));
        if (!recorded) {
            throw new IllegalStateException("Memo edited for cell " + event.cellDateTime() + " of " + event.workDiaryId()
                    + ", which the read model does not hold");
        }
        store.write(event.workDiaryId(), event.contractId(), event.cellDateTime(), sequenceNumber,
                Updates.set(WorkDiaryDocuments.cellPath(event.cellDateTime()) + "." + WorkDiaryDocuments.MEMO, event.memo()));
    }

    @EventHandler
    public void on(SegmentDeletedEvent event, @SequenceNumber long sequenceNumber) {
        if (alreadyApplied(event.workDiaryId(), sequenceNumber)) {
            return;
        }
        if (event.screenshotHash() != null) {
            screenshots.removed(event.screenshotHash(), event.contractId(), event.cellDateTime());
        }
        store.write(event.workDiaryId(), event.contractId(), event.cellDateTime(), sequenceNumber,
                Updates.unset(WorkDiaryDocuments.cellPath(event.cellDateTime())));
    }

    /** Monday 12:00 after the week: nothing in it changes any more, and its invoice (if any) is named. */
    @EventHandler
    public void on(WorkDiaryWeekLockedEvent event, @SequenceNumber long sequenceNumber) {
        if (alreadyApplied(event.workDiaryId(), sequenceNumber)) {
            return;
        }
        store.write(event.workDiaryId(), event.contractId(), UtcWeek.startOf(event.weekStart()), sequenceNumber,
                Updates.combine(Updates.set(WorkDiaryDocuments.LOCKED_AT, BsonTimes.toDate(event.lockedAt())),
                        Updates.set(WorkDiaryDocuments.INVOICE_ID, event.invoiceId())));
    }

    /** A replay rebuilds both collections from the first event; stale versions would make it skip everything. */
    @ResetHandler
    public void onReset() {
        store.deleteAll();
        screenshots.deleteAll();
    }

    private boolean alreadyApplied(String workDiaryId, long sequenceNumber) {
        return store.storedVersion(workDiaryId) >= sequenceNumber;
    }

    private static Bson setCell(RecordedCell cell) {
        return Updates.set(WorkDiaryDocuments.cellPath(cell.cellDateTime()), WorkDiaryDocuments.cellToDocument(cell));
    }
}
