package io.freelance.ledger.query.ledger;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.freelance.ledger.query.ledger.LedgerFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.query.readstore.BsonTimes;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies journal entries to the ledger collections with three writes per entry: the entry, its
 * postings (one bulk) and its balances (one bulk). Each write is idempotent on its own, in an
 * order that lets a retry after a partial failure finish the job without counting anything twice:
 * postings are insert-only, and a balance moves only when the entry's ledger sequence is beyond the
 * balance's {@code lastPosition}.
 * <p>
 * The ledger sequence is handed out here, in the order entries are applied, and stored with the
 * entry the first time it is seen, so a retry reuses it. It is not the event's global position:
 * concurrent transactions commit events out of index order (the event store's gaps), and a tracking
 * processor delivers a late-committed event after events with higher positions. Ordering by the
 * position would refuse or lose such an entry; the ledger sequence only ever grows.
 */
@Component
public class LedgerStore {

    private static final Logger log = LoggerFactory.getLogger(LedgerStore.class);

    private final MongoCollection<Document> journalEntries;
    private final MongoCollection<Document> balances;
    private final MongoCollection<Document> postings;
    private final MongoCollection<Document> counters;

    public LedgerStore(MongoDatabase readModelDatabase) {
        this.journalEntries = readModelDatabase.getCollection(JOURNAL_ENTRIES);
        this.balances = readModelDatabase.getCollection(BALANCES);
        this.postings = readModelDatabase.getCollection(POSTINGS);
        this.counters = readModelDatabase.getCollection(COUNTERS);
    }

    /** The queries of {@link LedgerReadModel}: statements, a user's accounts, a currency's trial balance. */
    @PostConstruct
    public void createIndexes() {
        postings.createIndex(Indexes.compoundIndex(Indexes.ascending(ACCOUNT, CURRENCY), Indexes.descending(POSITION)),
                new IndexOptions().name("account_currency_position"));
        balances.createIndex(Indexes.ascending(OWNER_ID, ACCOUNT, CURRENCY), new IndexOptions().name("owner_account"));
        balances.createIndex(Indexes.ascending(CURRENCY, ACCOUNT), new IndexOptions().name("currency_account"));
        balances.createIndex(Indexes.ascending(ACCOUNT, CURRENCY), new IndexOptions().name("account_currency"));
    }

    public void apply(JournalEntry entry, long eventPosition, String eventType) {
        LedgerInvariants.requireBalanced(entry);
        OptionalLong sequence = recordEntry(entry, eventPosition, eventType);
        if (sequence.isEmpty()) {
            return;
        }
        long position = sequence.getAsLong();
        Map<String, Document> storedBalances = storedBalances(entry);
        requireStreamOrder(entry, position, storedBalances);
        List<WriteModel<Document>> postingWrites = new ArrayList<>();
        List<WriteModel<Document>> balanceWrites = new ArrayList<>();
        for (JournalLeg leg : entry.legs()) {
            Document stored = storedBalances.get(balanceId(leg.account(), leg.amount().currency()));
            postingWrites.add(postingWrite(entry, leg, position, stored));
            if (!alreadyApplied(stored, position)) {
                balanceWrites.add(balanceWrite(entry, leg, position, stored));
            }
        }
        postings.bulkWrite(postingWrites, new BulkWriteOptions().ordered(false));
        if (!balanceWrites.isEmpty()) {
            balances.bulkWrite(balanceWrites, new BulkWriteOptions().ordered(false));
        }
    }

    public void deleteAll() {
        journalEntries.deleteMany(new Document());
        balances.deleteMany(new Document());
        postings.deleteMany(new Document());
        counters.deleteMany(new Document());
    }

    /**
     * Stores the entry unless it exists, and answers its ledger sequence: a new one for a new entry,
     * the stored one when the same event is seen again (a retry finishes what it started). Empty when
     * another event already carried the same entry id: entry ids are deterministic, so that is a
     * repeat of the same movement and must not count twice.
     */
    private OptionalLong recordEntry(JournalEntry entry, long eventPosition, String eventType) {
        long candidate = nextSequence();
        Document existing = journalEntries.findOneAndUpdate(eq(ID, entry.entryId()),
                Updates.setOnInsert(LedgerDocuments.journalEntry(entry, candidate, eventPosition, eventType)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        if (existing == null) {
            return OptionalLong.of(candidate);
        }
        if (existing.getLong(POSITION) == eventPosition) {
            return OptionalLong.of(existing.getLong(SEQUENCE));
        }
        log.warn("Journal entry {} at position {} was already applied at position {}; ignoring the repeat",
                entry.entryId(), eventPosition, existing.getLong(POSITION));
        return OptionalLong.empty();
    }

    /** Strictly increasing; a number taken by an entry that turns out to be a repeat is simply skipped. */
    private long nextSequence() {
        Document counter = counters.findOneAndUpdate(eq(ID, LEDGER_SEQUENCE_COUNTER), Updates.inc(COUNTER_VALUE, 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get(COUNTER_VALUE)).longValue();
    }

    /**
     * A balance already past this sequence is fine when this entry's posting exists: the entry was
     * applied and this is a repeat. Without the posting the ledger's own bookkeeping is broken;
     * skipping the entry would lose money silently, so refuse.
     */
    private void requireStreamOrder(JournalEntry entry, long position, Map<String, Document> storedBalances) {
        List<String> passedPostingIds = entry.legs().stream()
                .filter(leg -> alreadyApplied(storedBalances.get(balanceId(leg.account(), leg.amount().currency())), position))
                .map(leg -> postingId(entry.entryId(), leg.account(), leg.amount().currency()))
                .toList();
        if (passedPostingIds.isEmpty()) {
            return;
        }
        Set<String> existing = new HashSet<>();
        postings.find(in(ID, passedPostingIds)).projection(Projections.include(ID))
                .forEach(document -> existing.add(document.getString(ID)));
        for (String postingId : passedPostingIds) {
            if (!existing.contains(postingId)) {
                throw new IllegalStateException("Journal entry " + entry.entryId()
                        + " has ledger sequence " + position + " but its accounts are past it without its posting "
                        + postingId + "; the ledger projection must run as one segment and one sequence");
            }
        }
    }

    private Map<String, Document> storedBalances(JournalEntry entry) {
        List<String> ids = entry.legs().stream().map(leg -> balanceId(leg.account(), leg.amount().currency())).toList();
        Map<String, Document> byId = new HashMap<>();
        balances.find(in(ID, ids)).forEach(document -> byId.put(document.getString(ID), document));
        return byId;
    }

    private static boolean alreadyApplied(Document storedBalance, long position) {
        return storedBalance != null && storedBalance.getLong(LAST_POSITION) >= position;
    }

    private static WriteModel<Document> postingWrite(JournalEntry entry, JournalLeg leg, long position, Document storedBalance) {
        String currency = leg.amount().currency();
        long amountMinorUnits = MinorUnits.of(leg.amount());
        long balanceBefore = storedBalance == null ? 0 : storedBalance.getLong(BALANCE_MINOR_UNITS);
        // A retry whose balance already moved: the stored balance already includes this leg.
        long balanceAfter = alreadyApplied(storedBalance, position) ? balanceBefore : Math.addExact(balanceBefore, amountMinorUnits);
        Document posting = new Document(ACCOUNT, leg.account())
                .append(CURRENCY, currency)
                .append(ENTRY_ID, entry.entryId())
                .append(AMOUNT_MINOR_UNITS, amountMinorUnits)
                .append(BALANCE_AFTER_MINOR_UNITS, balanceAfter)
                .append(EFFECTIVE_AT, BsonTimes.toDate(entry.effectiveAt()))
                .append(CAUSE, LedgerDocuments.cause(entry.cause()))
                .append(POSITION, position);
        return new UpdateOneModel<>(eq(ID, postingId(entry.entryId(), leg.account(), currency)),
                Updates.setOnInsert(posting), new UpdateOptions().upsert(true));
    }

    private static WriteModel<Document> balanceWrite(JournalEntry entry, JournalLeg leg, long position, Document storedBalance) {
        String currency = leg.amount().currency();
        // Only balances this entry has not moved yet get here (see apply), so the id alone is the filter.
        Bson filter = eq(ID, balanceId(leg.account(), currency));
        Bson update = Updates.combine(
                Updates.inc(BALANCE_MINOR_UNITS, MinorUnits.of(leg.amount())),
                Updates.set(LAST_POSITION, position),
                Updates.set(LAST_ENTRY_ID, entry.entryId()),
                Updates.setOnInsert(ACCOUNT, leg.account()),
                Updates.setOnInsert(CURRENCY, currency),
                Updates.setOnInsert(OWNER_ID, LedgerAccounts.ownerOf(leg.account())));
        return new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(storedBalance == null));
    }
}
