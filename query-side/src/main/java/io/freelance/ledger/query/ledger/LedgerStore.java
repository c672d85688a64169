package io.freelance.ledger.query.ledger;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.freelance.ledger.query.ledger.LedgerFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.query.ledger.chain.ChainLink;
import io.freelance.ledger.query.ledger.chain.ChainedEvent;
import io.freelance.ledger.query.ledger.chain.JournalChain;
import io.freelance.ledger.query.readstore.BsonTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies journal entries to the ledger collections: the entry, its postings (one bulk) and its
 * balances (one bulk). Each write is idempotent on its own, in an order that lets a retry after a
 * partial failure finish the job without counting anything twice: postings are insert-only, and a
 * balance moves only when the entry's ledger sequence is beyond the balance's {@code lastPosition}.
 * <p>
 * The ledger sequence is handed out here, in the order entries are applied, and stored with the
 * entry the first time it is seen, so a retry reuses it. It is not the event's global position:
 * concurrent transactions commit events out of index order (the event store's gaps), and a tracking
 * processor delivers a late-committed event after events with higher positions. Ordering by the
 * position would refuse or lose such an entry; the ledger sequence only ever grows.
 * <p>
 * Every read and write addresses documents by {@code _id}, the one lookup the embedded read store
 * answers without a scan: postings are numbered per account ({@code <balanceId>#<n>}), so a statement
 * page is a list of ids, and the numbers an entry's postings get are planned once and stored with the
 * entry, so a retry writes the same ones.
 * <p>
 * Each new entry is linked into the ledger's hash chain ({@link JournalChain}) in the write that
 * records it, so the chain follows the ledger sequence and a retry reuses the stored link. The chain's
 * sequence row is written before the entry and its head moved after it; {@link JournalChain} says why
 * that order leaves no fork whatever write a crash or a failed handler stops before.
 */
@Component
public class LedgerStore {

    private static final Logger log = LoggerFactory.getLogger(LedgerStore.class);

    private final MongoCollection<Document> journalEntries;
    private final MongoCollection<Document> balances;
    private final MongoCollection<Document> postings;
    private final MongoCollection<Document> counters;
    private final AccountLists accountLists;
    private final JournalChain chain;

    public LedgerStore(MongoDatabase readModelDatabase, AccountLists accountLists) {
        this.journalEntries = readModelDatabase.getCollection(JOURNAL_ENTRIES);
        this.balances = readModelDatabase.getCollection(BALANCES);
        this.postings = readModelDatabase.getCollection(POSTINGS);
        this.counters = readModelDatabase.getCollection(COUNTERS);
        this.accountLists = accountLists;
        this.chain = new JournalChain(readModelDatabase, JOURNAL_CHAIN, this::recordedLinks);
    }

    /** {@code recordedAt} is the carrying event's timestamp, kept beside the entry's effective time. */
    public void apply(JournalEntry entry, long eventPosition, String eventType, String eventId, Instant recordedAt) {
        LedgerInvariants.requireBalanced(entry);
        Map<String, Document> storedBalances = storedBalances(entry);
        countPostingsKeptWithoutTheirBalance(entry, storedBalances);
        Optional<RecordedEntry> recorded = recordEntry(entry, new ChainedEvent(eventId, eventType, eventPosition), recordedAt,
                plannedPostingIds(entry, storedBalances));
        if (recorded.isEmpty()) {
            return;
        }
        long sequence = recorded.get().sequence();
        Map<String, String> postingIds = new HashMap<>(recorded.get().postingIds());
        Set<String> appliedLegs = legsAppliedBefore(entry, sequence, storedBalances, postingIds);
        replanInterruptedLegs(entry, sequence, storedBalances, appliedLegs, postingIds);
        List<WriteModel<Document>> postingWrites = new ArrayList<>();
        List<WriteModel<Document>> balanceWrites = new ArrayList<>();
        for (JournalLeg leg : entry.legs()) {
            String balanceId = balanceIdOf(leg);
            Document stored = storedBalances.get(balanceId);
            if (appliedLegs.contains(balanceId)) {
                continue;
            }
            if (stored == null) {
                accountLists.opened(leg.account(), leg.amount().currency());
            }
            String postingId = postingIds.get(balanceId);
            postingWrites.add(postingWrite(entry, leg, sequence, postingId, stored, recordedAt));
            balanceWrites.add(balanceWrite(entry, leg, sequence, postingNumber(postingId), stored));
        }
        if (!postingWrites.isEmpty()) {
            postings.bulkWrite(postingWrites, new BulkWriteOptions().ordered(false));
            balances.bulkWrite(balanceWrites, new BulkWriteOptions().ordered(false));
        }
    }

    public void deleteAll() {
        journalEntries.deleteMany(new Document());
        balances.deleteMany(new Document());
        postings.deleteMany(new Document());
        counters.deleteMany(new Document());
        accountLists.deleteAll();
        chain.deleteAll();
    }

    /**
     * Stores the entry unless it exists, and answers its ledger sequence and posting ids: new ones for
     * a new entry, the stored ones when the same event is seen again (a retry finishes what it started).
     * Empty when another event already carried the same entry id: entry ids are deterministic, so that is
     * a repeat of the same movement and must not count twice. A new entry is appended to the chain; a
     * retry appends its stored link again, which finishes an append a failure interrupted. A number claimed for
     * an entry that turns out to be recorded already is released: it stays a gap in the chain.
     */
    private Optional<RecordedEntry> recordEntry(JournalEntry entry, ChainedEvent event, Instant recordedAt,
                                                Map<String, String> plannedPostingIds) {
        long eventPosition = event.position();
        long candidate = nextSequence();
        ChainLink link = chain.claim(entry, event, candidate);
        // A list, not a map: balance ids are not guaranteed to be valid field names.
        List<Document> planned = plannedPostingIds.entrySet().stream()
                .map(id -> new Document(BALANCE_ID, id.getKey()).append(POSTING_ID, id.getValue()))
                .toList();
        Document document = link.appendTo(LedgerDocuments.journalEntry(entry, candidate, eventPosition, event.eventType(), recordedAt))
                .append(POSTING_IDS, planned);
        Document existing = journalEntries.findOneAndUpdate(eq(ID, entry.entryId()), Updates.setOnInsert(document),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        if (existing == null) {
            chain.append(link);
            return Optional.of(new RecordedEntry(candidate, plannedPostingIds));
        }
        chain.release(candidate);
        if (existing.getLong(POSITION) == eventPosition) {
            ChainLink.storedOn(existing, existing.getLong(SEQUENCE), eventPosition, existing.getString(EVENT_TYPE))
                    .ifPresent(chain::appendRecorded);
            Map<String, String> postingIds = new HashMap<>();
            existing.getList(POSTING_IDS, Document.class)
                    .forEach(id -> postingIds.put(id.getString(BALANCE_ID), id.getString(POSTING_ID)));
            return Optional.of(new RecordedEntry(existing.getLong(SEQUENCE), postingIds));
        }
        log.warn("Journal entry {} at position {} was already applied at position {}; ignoring the repeat",
                entry.entryId(), eventPosition, existing.getLong(POSITION));
        return Optional.empty();
    }

    /** The links stored on those of {@code entryIds} that are recorded: the chain looks past its head with them. */
    private Map<String, ChainLink> recordedLinks(Collection<String> entryIds) {
        Map<String, ChainLink> byEntryId = new HashMap<>();
        journalEntries.find(in(ID, entryIds)).forEach(document -> ChainLink.storedOn(document, document.getLong(SEQUENCE),
                        document.getLong(POSITION), document.getString(EVENT_TYPE))
                .ifPresent(link -> byEntryId.put(link.entryId(), link)));
        return byEntryId;
    }

    /** Strictly increasing; a number taken by an entry that turns out to be a repeat is simply skipped. */
    private long nextSequence() {
        Document counter = counters.findOneAndUpdate(eq(ID, LEDGER_SEQUENCE_COUNTER), Updates.inc(COUNTER_VALUE, 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get(COUNTER_VALUE)).longValue();
    }

    /** Each leg's posting takes the next number on its account's statement. */
    private static Map<String, String> plannedPostingIds(JournalEntry entry, Map<String, Document> storedBalances) {
        Map<String, String> ids = new HashMap<>();
        for (JournalLeg leg : entry.legs()) {
            String balanceId = balanceIdOf(leg);
            ids.put(balanceId, postingId(balanceId, postingCount(storedBalances.get(balanceId)) + 1));
        }
        return ids;
    }

    /**
     * The legs this entry already moved: their balance is past its sequence and holds this entry's posting. A balance
     * past the sequence without the posting belongs to an entry applied in between (see {@link #replanInterruptedLegs}).
     */
    private Set<String> legsAppliedBefore(JournalEntry entry, long sequence, Map<String, Document> storedBalances,
                                          Map<String, String> postingIds) {
        List<String> passedPostingIds = entry.legs().stream()
                .map(LedgerStore::balanceIdOf)
                .filter(balanceId -> alreadyApplied(storedBalances.get(balanceId), sequence))
                .map(postingIds::get)
                .toList();
        Set<String> ownPostings = new HashSet<>();
        if (!passedPostingIds.isEmpty()) {
            postings.find(in(ID, passedPostingIds)).projection(Projections.include(ID, ENTRY_ID))
                    .forEach(document -> {
                        if (entry.entryId().equals(document.getString(ENTRY_ID))) {
                            ownPostings.add(document.getString(ID));
                        }
                    });
        }
        Set<String> applied = new HashSet<>();
        for (JournalLeg leg : entry.legs()) {
            String balanceId = balanceIdOf(leg);
            if (ownPostings.contains(postingIds.get(balanceId))) {
                applied.add(balanceId);
            }
        }
        return applied;
    }

    /**
     * An entry recorded but not applied before the process died (the read-model file had kept the record, not yet its
     * postings), and then, after the restart, passed by entries the processor now saw first: a transaction that had
     * committed late fills a gap in the event order on the second reading. Those entries took this one's planned posting
     * numbers. Its legs get the next numbers on their accounts, recorded on the entry before any posting is written,
     * so a further retry finds them; its ledger sequence and chain link stay as recorded. Each leg is still applied
     * exactly once: a leg counts as applied only when its account holds this entry's own posting.
     */
    private void replanInterruptedLegs(JournalEntry entry, long sequence, Map<String, Document> storedBalances,
                                       Set<String> appliedLegs, Map<String, String> postingIds) {
        Map<String, String> replanned = new HashMap<>();
        for (JournalLeg leg : entry.legs()) {
            String balanceId = balanceIdOf(leg);
            Document stored = storedBalances.get(balanceId);
            if (!appliedLegs.contains(balanceId) && alreadyApplied(stored, sequence)) {
                replanned.put(balanceId, postingId(balanceId, postingCount(stored) + 1));
            }
        }
        if (replanned.isEmpty()) {
            return;
        }
        log.warn("Journal entry {} (ledger sequence {}) was recorded before a restart but not applied, and later entries "
                + "moved its accounts meanwhile; applying it now with new posting numbers {}", entry.entryId(), sequence, replanned);
        postingIds.putAll(replanned);
        List<Document> planned = postingIds.entrySet().stream()
                .map(id -> new Document(BALANCE_ID, id.getKey()).append(POSTING_ID, id.getValue()))
                .toList();
        journalEntries.updateOne(eq(ID, entry.entryId()), Updates.set(POSTING_IDS, planned));
    }

    /**
     * A posting is written before its balance moves, and a crash can leave the read-model file with the posting and
     * not the balance write. The balance's next posting number then already holds a posting, and an entry that
     * planned that number (an event committed late and read first after the restart) could not write its own
     * posting while moving the balance, and the interrupted entry, retried, took its legs for applied: its money
     * was never counted. So before anything is planned, each balance this entry moves is checked for a posting
     * under its next number; one that is there is added to the balance now, exactly as its own write would have
     * added it, and the number after it is checked in turn. The ledger runs as one segment, so nothing else moves
     * these balances meanwhile. In the normal case this is one read by {@code _id} per entry that finds nothing.
     */
    private void countPostingsKeptWithoutTheirBalance(JournalEntry entry, Map<String, Document> storedBalances) {
        while (true) {
            Map<String, JournalLeg> legByNextPostingId = new HashMap<>();
            for (JournalLeg leg : entry.legs()) {
                String balanceId = balanceIdOf(leg);
                legByNextPostingId.put(postingId(balanceId, postingCount(storedBalances.get(balanceId)) + 1), leg);
            }
            List<Document> uncounted = postings.find(in(ID, legByNextPostingId.keySet())).into(new ArrayList<>());
            if (uncounted.isEmpty()) {
                return;
            }
            for (Document posting : uncounted) {
                JournalLeg leg = legByNextPostingId.get(posting.getString(ID));
                String balanceId = balanceIdOf(leg);
                if (storedBalances.get(balanceId) == null) {
                    accountLists.opened(leg.account(), leg.amount().currency());
                }
                log.warn("Posting {} of journal entry {} was kept without its balance write before a restart; counting it now",
                        posting.getString(ID), posting.getString(ENTRY_ID));
                storedBalances.put(balanceId, balances.findOneAndUpdate(eq(ID, balanceId), Updates.combine(
                                Updates.inc(BALANCE_MINOR_UNITS, posting.getLong(AMOUNT_MINOR_UNITS)),
                                Updates.max(LAST_POSITION, posting.getLong(POSITION)),
                                Updates.set(LAST_ENTRY_ID, posting.getString(ENTRY_ID)),
                                Updates.set(POSTING_COUNT, posting.getLong(NUMBER)),
                                accountOnInsert(leg)),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
            }
        }
    }

    private static Bson accountOnInsert(JournalLeg leg) {
        return Updates.combine(
                Updates.setOnInsert(ACCOUNT, leg.account().name()),
                Updates.setOnInsert(CURRENCY, leg.amount().currency()),
                Updates.setOnInsert(KIND, leg.account().kind().name()),
                Updates.setOnInsert(OWNER_ID, leg.account().ownerId()));
    }

    private Map<String, Document> storedBalances(JournalEntry entry) {
        List<String> ids = entry.legs().stream().map(LedgerStore::balanceIdOf).toList();
        Map<String, Document> byId = new HashMap<>();
        balances.find(in(ID, ids)).forEach(document -> byId.put(document.getString(ID), document));
        return byId;
    }

    private static boolean alreadyApplied(Document storedBalance, long sequence) {
        return storedBalance != null && storedBalance.getLong(LAST_POSITION) >= sequence;
    }

    private static long postingCount(Document storedBalance) {
        Number count = storedBalance == null ? null : (Number) storedBalance.get(POSTING_COUNT);
        return count == null ? 0 : count.longValue();
    }

    private static WriteModel<Document> postingWrite(JournalEntry entry, JournalLeg leg, long sequence, String postingId,
                                                     Document storedBalance, Instant recordedAt) {
        String currency = leg.amount().currency();
        long amountMinorUnits = MinorUnits.of(leg.amount());
        long balanceBefore = storedBalance == null ? 0 : storedBalance.getLong(BALANCE_MINOR_UNITS);
        Document posting = new Document(ACCOUNT, leg.account().name())
                .append(CURRENCY, currency)
                .append(NUMBER, postingNumber(postingId))
                .append(ENTRY_ID, entry.entryId())
                .append(AMOUNT_MINOR_UNITS, amountMinorUnits)
                .append(BALANCE_AFTER_MINOR_UNITS, Math.addExact(balanceBefore, amountMinorUnits))
                .append(EFFECTIVE_AT, BsonTimes.toDate(entry.effectiveAt()))
                .append(RECORDED_AT, BsonTimes.toDate(recordedAt))
                .append(CAUSE, LedgerDocuments.cause(entry.cause()))
                .append(POSITION, sequence);
        return new UpdateOneModel<>(eq(ID, postingId), Updates.setOnInsert(posting), new UpdateOptions().upsert(true));
    }

    private static WriteModel<Document> balanceWrite(JournalEntry entry, JournalLeg leg, long sequence, long postingNumber,
                                                     Document storedBalance) {
        // Only balances this entry has not moved yet get here (see apply), so the id alone is the filter.
        Bson filter = eq(ID, balanceIdOf(leg));
        Bson update = Updates.combine(
                Updates.inc(BALANCE_MINOR_UNITS, MinorUnits.of(leg.amount())),
                // max: an interrupted entry applied after later ones must not take the balance's position back.
                Updates.max(LAST_POSITION, sequence),
                Updates.set(LAST_ENTRY_ID, entry.entryId()),
                Updates.set(POSTING_COUNT, postingNumber),
                accountOnInsert(leg));
        return new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(storedBalance == null));
    }

    private static String balanceIdOf(JournalLeg leg) {
        return balanceId(leg.account().name(), leg.amount().currency());
    }

    /** The ledger sequence an entry got, and the ids of its postings. */
    private record RecordedEntry(long sequence, Map<String, String> postingIds) {
    }
}
