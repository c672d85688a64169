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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hash chain over a ledger's journal entries, in the order the ledger applied them (its ledger
 * sequence), not the event store's global index. The event store's order is not the order the
 * ledger saw: concurrent transactions commit events out of index order, and a tracking processor
 * delivers a late-committed event after events with higher positions. Chaining by position would
 * have to insert such an entry into the middle of the chain, rewriting every hash after it; the
 * applied order only ever grows at its end and never changes afterwards, so the chain is
 * append-only and a hash once exported stays true.
 * <p>
 * The chain collection holds one row per sequence ({@code _id} = sequence, the entry's id: the read
 * store answers lookups by {@code _id} only, so the chain is walked by sequence through these rows)
 * and the head: one document holding the last sequence and hash, so linking needs no scan. Each
 * entry's link (its hash over its content, its event and the previous hash) is stored on the entry
 * document itself. When an entry is appended on a later UTC day than the head, the head as it stood
 * at midnight is kept as that day's anchor.
 * <p>
 * A new entry takes four writes, in this order, and an interruption after any of them (the process
 * dies, or the handler fails and its event goes to the dead-letter queue while later events go on)
 * leaves something the retry or the next entry completes, never a fork (two entries naming the same
 * previous link):
 * <ol>
 * <li>The ledger takes the next sequence number. Stopped here: the number is never used, a gap the
 * chain steps over.</li>
 * <li>{@link #claim}: the sequence's row, naming the entry, before the entry is recorded, so an entry
 * recorded under that number can later be found by its number. Stopped here: a row past the head
 * whose entry was not recorded under it; the next claim deletes it.</li>
 * <li>The ledger records the entry with its link, in one write. Stopped here: a recorded entry past
 * the head. The next claim, the retry's own or the next entry's, finds it through its row, sees that
 * its link follows the head and moves the head to it before it links anything: the next entry links
 * to it, not to the old head.</li>
 * <li>{@link #append}: the head moves to the entry. A retry of the event finds its entry recorded,
 * reuses its link and moves nothing.</li>
 * </ol>
 * The ledger applies entries from one thread in sequence order, so whatever lies past the head below
 * a new number is left from an interrupted handling, never one in flight. Normally the head is the
 * number just before the new one and a claim costs no lookup; a gap costs one read of the rows in it
 * and one of their entries, both by {@code _id}.
 */
public class JournalChain {

    private static final Logger log = LoggerFactory.getLogger(JournalChain.class);

    private static final String ID = "_id";
    private static final String HEAD_ID = "head";
    private static final String ENTRY_ID = "entryId";
    private static final String SEQUENCE = "sequence";
    private static final String HASH = "hash";
    private static final String APPENDED_AT = "appendedAt";
    private static final String ANCHORED_AT = "anchoredAt";
    private static final String ANCHORS_SUFFIX = "_anchors";
    /** Rows past the head read at once: a gap is normally one number (a repeat), a handful after failures. */
    private static final int GAP_BATCH_SIZE = 500;

    private final MongoCollection<Document> links;
    private final MongoCollection<Document> anchors;
    private final RecordedLinks recordedLinks;
    private final Clock clock;

    /** A chain to read: its head, rows and anchors. */
    public JournalChain(MongoDatabase database, String chainCollection) {
        this(database, chainCollection, RecordedLinks.NONE, Clock.systemUTC());
    }

    /** The chain the ledger links its entries into, finding recorded ones through {@code recordedLinks}. */
    public JournalChain(MongoDatabase database, String chainCollection, RecordedLinks recordedLinks) {
        this(database, chainCollection, recordedLinks, Clock.systemUTC());
    }

    public JournalChain(MongoDatabase database, String chainCollection, RecordedLinks recordedLinks, Clock clock) {
        this.links = database.getCollection(chainCollection);
        this.anchors = database.getCollection(chainCollection + ANCHORS_SUFFIX);
        this.recordedLinks = recordedLinks;
        this.clock = clock;
    }

    /**
     * The link {@code entry} gets if it is recorded now with {@code sequence}, a number no entry had before:
     * after the head, once the head has taken in any entry recorded past it. Writes the sequence's row naming
     * the entry; {@link #release} it if the entry turns out to be recorded already.
     */
    public ChainLink claim(JournalEntry entry, ChainedEvent event, long sequence) {
        ChainHead head = head();
        if (head.sequence() < sequence - 1) {
            head = headAfterEntriesRecordedPast(head, sequence);
        }
        String hash = CanonicalEntry.of(sequence, head.sequence(), head.hash(), entry, event).hash();
        links.updateOne(eq(ID, sequence), Updates.setOnInsert(ENTRY_ID, entry.entryId()), new UpdateOptions().upsert(true));
        return new ChainLink(sequence, entry.entryId(), event, head.sequence(), head.hash(), hash);
    }

    /** A claimed sequence its entry did not take (it had been recorded under another one): the number stays a gap. */
    public void release(long sequence) {
        links.deleteOne(eq(ID, sequence));
    }

    /**
     * Makes a recorded link the head. Safe to repeat: a link at or before the head changes nothing. The ledger
     * applies entries from one thread (one segment), so reading the head and then replacing it is not a race.
     */
    public void append(ChainLink link) {
        ChainHead head = head();
        if (head.sequence() < link.sequence()) {
            moveHead(head, link);
        }
    }

    /**
     * {@link #append} for the link stored on an entry recorded earlier, when its event is seen again. Writes its
     * sequence's row too, in case it is missing: an earlier version wrote the row after the entry.
     */
    public void appendRecorded(ChainLink link) {
        links.updateOne(eq(ID, link.sequence()), Updates.setOnInsert(ENTRY_ID, link.entryId()),
                new UpdateOptions().upsert(true));
        append(link);
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

    /**
     * The head once the entries recorded past it, in the sequences before {@code sequence}, are taken in, in
     * order, each only if its link follows the head so far. A row whose entry was not recorded under its number
     * is deleted: it would name an entry that is not there, or one the chain has at another sequence. A recorded
     * entry whose link does not follow stops the healing and stays where it is, for verification to report:
     * only an alteration (or a fork an earlier version left) makes one.
     */
    private ChainHead headAfterEntriesRecordedPast(ChainHead head, long sequence) {
        ChainHead healed = head;
        for (long from = head.sequence() + 1; from < sequence; from += GAP_BATCH_SIZE) {
            Map<Long, String> claimed = entryIds(from, (int) Math.min(GAP_BATCH_SIZE, sequence - from));
            if (claimed.isEmpty()) {
                continue;
            }
            Map<String, ChainLink> recorded = recordedLinks.of(claimed.values());
            for (Map.Entry<Long, String> row : claimed.entrySet()) {
                ChainLink link = recorded.get(row.getValue());
                if (link == null || link.sequence() != row.getKey()) {
                    links.deleteOne(eq(ID, row.getKey()));
                } else if (link.follows(healed)) {
                    log.warn("Journal entry {} (ledger sequence {}) was recorded but the chain's head was not moved to it; "
                            + "moving it now, before the next entry is linked", link.entryId(), link.sequence());
                    healed = moveHead(healed, link);
                } else {
                    log.error("Journal entry {} (ledger sequence {}) lies past the chain's head but does not link to it "
                            + "(head {} with hash {}); leaving it for verification to report", link.entryId(),
                            link.sequence(), healed.sequence(), healed.hash());
                    return healed;
                }
            }
        }
        return healed;
    }

    private ChainHead moveHead(ChainHead head, ChainLink link) {
        Instant now = clock.instant();
        keepAnchorOfEarlierDay(head, now);
        links.replaceOne(eq(ID, HEAD_ID), new Document(ID, HEAD_ID)
                        .append(SEQUENCE, link.sequence())
                        .append(ENTRY_ID, link.entryId())
                        .append(HASH, link.hash())
                        .append(APPENDED_AT, Date.from(now)),
                new ReplaceOptions().upsert(true));
        return new ChainHead(link.sequence(), link.entryId(), link.hash(), now);
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
