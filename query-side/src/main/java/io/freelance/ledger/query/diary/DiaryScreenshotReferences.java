package io.freelance.ledger.query.diary;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which diary cells show a screenshot: one small {@code diary_screenshots} document per screenshot hash
 * listing {@code "<contractId> <cellDateTime>"}, so the question "may this user see this screenshot?" is
 * one read by {@code _id} however many diaries there are. Written by the diary projection before the
 * week's document, with set operations that can be repeated: after a crash between the two, the event is
 * applied again and changes nothing twice. A cell's entry goes when the cell is deleted, so a screenshot
 * leaves the contract's view with its segment. (Contract ids hold no spaces: they are safe ids.)
 */
@Component
public class DiaryScreenshotReferences {

    static final String COLLECTION = "diary_screenshots";
    private static final String CELLS = "cells";

    private final MongoCollection<Document> references;

    public DiaryScreenshotReferences(MongoDatabase readModelDatabase) {
        this.references = readModelDatabase.getCollection(COLLECTION);
    }

    void shown(String screenshotHash, String contractId, Instant cellDateTime) {
        references.updateOne(eq("_id", screenshotHash), Updates.addToSet(CELLS, entry(contractId, cellDateTime)),
                new UpdateOptions().upsert(true));
    }

    void removed(String screenshotHash, String contractId, Instant cellDateTime) {
        references.updateOne(eq("_id", screenshotHash), Updates.pull(CELLS, entry(contractId, cellDateTime)));
    }

    /** The contracts whose diaries show the screenshot now, once each. */
    public Set<String> contractsShowing(String screenshotHash) {
        Document document = references.find(eq("_id", screenshotHash)).first();
        Set<String> contractIds = new LinkedHashSet<>();
        if (document != null) {
            for (String cell : document.getList(CELLS, String.class, List.of())) {
                contractIds.add(cell.substring(0, cell.indexOf(' ')));
            }
        }
        return contractIds;
    }

    void deleteAll() {
        references.deleteMany(new Document());
    }

    private static String entry(String contractId, Instant cellDateTime) {
        return contractId + " " + cellDateTime;
    }
}
