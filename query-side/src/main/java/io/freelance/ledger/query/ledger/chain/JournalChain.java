package io.freelance.ledger.query.ledger.chain;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.ledger.JournalEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.bson.Document;

/**
 * One hash chain over a ledger's journal entries, in the order the ledger applied them (its ledger
 * sequence), not the event store's global index. The event store's order is not the order the
 * ledger saw: concurrent transactions commit events out of index order, and a tracking processor
 * delivers a late-committed event after events with higher positions. Chaining by position would
 * have to insert such an entry into the middle of the chain, rewriting every hash after it; the
 * applied order only ever grows at its end and never changes afterwards, so the chain is
 * append-only and a hash once exported stays true.
 * <p>
 * Each entry's link (its hash over its content, its event and the previous hash) is stored on the
 * entry document when the entry is first recorded, in the same write, so a retry finds it there and
 * reuses it instead of appending twice. The chain collection then gets the sequence's row (the read
 * store answers lookups by {@code _id} only, so the chain is walked by sequence through these rows)
 * and the head: one document holding the last sequence and hash, so appending needs no scan. When an
 * entry is appended on a later UTC day than the head, the head as it stood at midnight is kept as
 * that day's anchor.
 */
public class JournalChain {

    private static final String ID = "_id";
    private static final String HEAD_ID = "head";
    private static final String ENTRY_ID = "entryId";
    private static final String SEQUENCE = "sequence";
    private static final String HASH = "hash";
    private static final String APPENDED_AT = "appendedAt";
    private static final String ANCHORED_AT = "anchoredAt";
    private static final String ANCHORS_SUFFIX = "_anchors";

    private final MongoCollection<Document> links;
    private final MongoCollection<Document> anchors;
    private final Clock clock;

    public JournalChain(MongoDatabase database, String chainCollection) {
        this(database, chainCollection, Clock.systemUTC());
    }

    public JournalChain(MongoDatabase database, String chainCollection, Clock clock) {
        this.links = database.getCollection(chainCollection);
        this.anchors = database.getCollection(chainCollection + ANCHORS_SUFFIX);
        this.clock = clock;
    }

    /** The link {@code entry} gets if it is recorded now with {@code sequence}: after the current head. */
    public ChainLink next(JournalEntry entry, ChainedEvent event, long sequence) {
        ChainHead head = head();
        String hash = CanonicalEntry.of(sequence, head.sequence(), head.hash(), entry, event).hash();
        return new ChainLink(sequence, entry.entryId(), event, head.sequence(), head.hash(), hash);
    }

    /**
     * Makes a recorded link the head. Safe to repeat: a link at or before the head changes nothing but
     * its sequence row, which is insert-only. The ledger applies entries from one thread (one segment),
     * so reading the head and then replacing it is not a race.
     */
    public void append(ChainLink link) {
        links.updateOne(eq(ID, link.sequence()), Updates.setOnInsert(ENTRY_ID, link.entryId()),
                new UpdateOptions().upsert(true));
        Document stored = links.find(eq(ID, HEAD_ID)).first();
        ChainHead head = stored == null ? ChainHead.EMPTY : head(stored);
        if (head.sequence() >= link.sequence()) {
            return;
        }
        Instant now = clock.instant();
        keepAnchorOfEarlierDay(head, now);
        links.replaceOne(eq(ID, HEAD_ID), new Document(ID, HEAD_ID)
                        .append(SEQUENCE, link.sequence())
                        .append(ENTRY_ID, link.entryId())
                        .append(HASH, link.hash())
                        .append(APPENDED_AT, Date.from(now)),
                new ReplaceOptions().upsert(true));
    }

    public ChainHead head() {
        Document stored = links.find(eq(ID, HEAD_ID)).first();
        return stored == null ? ChainHead.EMPTY : head(stored);
    }

    /** The entry ids of the links numbered {@code from} to {@code from + count - 1}, by sequence; gaps left out. */
    public Map<Long, String> entryIds(long from, int count) {
        List<Long> sequences = LongStream.range(from, from + count).boxed().toList();
        Map<Long, String> bySequence = new TreeMap<>();
        links.find(in(ID, sequences)).forEach(row ->
                bySequence.put(((Number) row.get(ID)).longValue(), row.getString(ENTRY_ID)));
        return bySequence;
    }

    /** Kept daily anchors, newest first, of days before {@code beforeDay} (all when null); at most {@code limit}. */
    public List<ChainAnchor> anchors(LocalDate beforeDay, int limit) {
        List<ChainAnchor> found = new ArrayList<>();
        // One document a day: a scan of this collection stays small.
        anchors.find().forEach(document -> {
            if (beforeDay == null || LocalDate.parse(document.getString(ID)).isBefore(beforeDay)) {
                found.add(anchor(document));
            }
        });
        found.sort((left, right) -> right.anchoredAt().compareTo(left.anchoredAt()));
        return found.subList(0, Math.min(limit, found.size()));
    }

    /**
     * Empties the chain for a rebuild of the ledger. Kept anchors stay: they may have been handed out,
     * and a rebuilt chain that no longer reaches one of them is what a verification should then say.
     */
    public void deleteAll() {
        links.deleteMany(new Document());
    }

    private void keepAnchorOfEarlierDay(ChainHead head, Instant now) {
        if (head.isEmpty() || head.appendedAt() == null) {
            return;
        }
        LocalDate headDay = LocalDate.ofInstant(head.appendedAt(), ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!headDay.isBefore(today)) {
            return;
        }
        // Nothing was appended between the head and now, so it was still the head at the end of its day.
        Instant endOfDay = headDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Document anchor = new Document(SEQUENCE, head.sequence())
                .append(ENTRY_ID, head.entryId())
                .append(HASH, head.hash())
                .append(ANCHORED_AT, Date.from(endOfDay));
        anchors.updateOne(eq(ID, headDay.toString()), Updates.setOnInsert(anchor), new UpdateOptions().upsert(true));
    }

    private static ChainHead head(Document stored) {
        Date appendedAt = stored.getDate(APPENDED_AT);
        return new ChainHead(((Number) stored.get(SEQUENCE)).longValue(), stored.getString(ENTRY_ID),
                stored.getString(HASH), appendedAt == null ? null : appendedAt.toInstant());
    }

    private static ChainAnchor anchor(Document stored) {
        return new ChainAnchor(((Number) stored.get(SEQUENCE)).longValue(), stored.getString(ENTRY_ID),
                stored.getString(HASH), stored.getDate(ANCHORED_AT).toInstant());
    }
}
