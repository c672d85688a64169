package io.freelance.ledger.query.diary;

import static com.mongodb.client.model.Filters.eq;
import static io.freelance.ledger.query.readstore.BsonTimes.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;

import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.query.readstore.BsonTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The layout of a {@code work_diaries} document: one per contract-week, {@code _id} the WorkDiaryId, its
 * cells in a sub-document keyed by the cell's start ({@code cells.2026-11-30T10:20:00Z}), so recording,
 * editing or deleting one cell is one update of one field. Cell starts are whole minutes: their ISO
 * form holds no '.', which a field name must not.
 */
final class WorkDiaryDocuments {

    static final String ID = "_id";
    static final String CONTRACT_ID = "contractId";
    static final String WEEK_START = "weekStart";
    /** Sequence number of the last applied WorkDiary event. */
    static final String VERSION = "version";
    static final String CELLS = "cells";
    static final String LOCKED_AT = "lockedAt";
    static final String INVOICE_ID = "invoiceId";

    static final String CELL_DATE_TIME = "cellDateTime";
    static final String MANUAL = "manual";
    /** The ten minutes' keyboard counts, then their mouse counts, as two arrays: a third of the size of ten sub-documents. */
    static final String KEYBOARD = "keyboard";
    static final String MOUSE = "mouse";
    static final String MEMO = "memo";
    static final String ACTIVITY_LABEL = "activityLabel";
    static final String ACTIVE_WINDOW_TITLE = "activeWindowTitle";
    static final String SCREENSHOT_HASH = "screenshotHash";
    static final String RECORDED_AT = "recordedAt";

    private WorkDiaryDocuments() {
    }

    /** The path of one cell inside its week's document. */
    static String cellPath(Instant cellDateTime) {
        return CELLS + "." + cellDateTime;
    }

    static Document cellToDocument(RecordedCell cell) {
        return new Document(CELL_DATE_TIME, BsonTimes.toDate(cell.cellDateTime()))
                .append(MANUAL, cell.manual())
                .append(KEYBOARD, cell.minutes().stream().map(MinuteActivity::keyboard).toList())
                .append(MOUSE, cell.minutes().stream().map(MinuteActivity::mouse).toList())
                .append(MEMO, cell.memo())
                .append(ACTIVITY_LABEL, cell.activityLabel())
                .append(ACTIVE_WINDOW_TITLE, cell.activeWindowTitle())
                .append(SCREENSHOT_HASH, cell.screenshotHash())
                .append(RECORDED_AT, BsonTimes.toDate(cell.recordedAt()));
    }

    static RecordedWeek toWeek(Document document) {
        Document cells = document.get(CELLS, Document.class);
        List<RecordedCell> recorded = new ArrayList<>();
        if (cells != null) {
            cells.values().forEach(cell -> recorded.add(cellFromDocument((Document) cell)));
        }
        recorded.sort(Comparator.comparing(RecordedCell::cellDateTime));
        return new RecordedWeek(document.getString(ID), document.getString(CONTRACT_ID),
                BsonTimes.localDate(document, WEEK_START), versionOf(document), recorded, instant(document, LOCKED_AT),
                document.getString(INVOICE_ID));
    }

    static RecordedCell cellFromDocument(Document cell) {
        List<Integer> keyboard = cell.getList(KEYBOARD, Integer.class, List.of());
        List<Integer> mouse = cell.getList(MOUSE, Integer.class, List.of());
        List<MinuteActivity> minutes = new ArrayList<>(keyboard.size());
        for (int minute = 0; minute < keyboard.size(); minute++) {
            minutes.add(new MinuteActivity(keyboard.get(minute), mouse.get(minute)));
        }
        return new RecordedCell(instant(cell, CELL_DATE_TIME), cell.getBoolean(MANUAL, false), minutes,
                cell.getString(MEMO), cell.getString(ACTIVITY_LABEL), cell.getString(ACTIVE_WINDOW_TITLE),
                cell.getString(SCREENSHOT_HASH), instant(cell, RECORDED_AT));
    }

    /** The week by {@code _id}; empty before the diary's first event. */
    static Optional<RecordedWeek> find(MongoCollection<Document> diaries, String workDiaryId) {
        return Optional.ofNullable(diaries.find(eq(ID, workDiaryId)).first()).map(WorkDiaryDocuments::toWeek);
    }

    /** -1 before any of the diary's events; reads the version field alone. */
    static long storedVersion(MongoCollection<Document> diaries, String workDiaryId) {
        Document stored = diaries.find(eq(ID, workDiaryId)).projection(Projections.include(VERSION)).first();
        return stored == null ? -1 : versionOf(stored);
    }

    static long versionOf(Document document) {
        Number version = document.get(VERSION, Number.class);
        return version == null ? -1 : version.longValue();
    }
}
