package io.freelance.ledger.query.ledger.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import io.freelance.ledger.query.ledger.audit.Checkpoints.BalanceCheckpoints;
import io.freelance.ledger.query.ledger.audit.DailyCheckpointBuilder.IndexRange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * Where the last audit's daily balance checkpoints are kept, addressed by {@code _id}: one document per
 * balance (its end-of-day balances), one per day (its index range), and one naming the audit and what it
 * covered. The coverage document is removed first and written last, so a reader sees either a complete set
 * or none (and then reads from the first event: slower, never wrong). Checkpoints are derived data that the
 * next audit rewrites: a set in another layout ({@value #LAYOUT} is today's) is treated as none, which keeps
 * every answer exact without reading old layouts.
 */
@Component
public class DailyCheckpoints {

    static final String BALANCES = "ledger_checkpoint_balances";
    static final String DAYS = "ledger_checkpoint_days";
    static final String COVERAGE = "ledger_checkpoint_coverage";
    /** 3: days and balances packed as binary; 2 wrote arrays of numbers, 1 a document per day. */
    static final int LAYOUT = 3;
    private static final String COVERAGE_ID = "coverage";
    private static final int WRITE_CHUNK = 1_000;
    private static final String EPOCH_DAYS = "packedEpochDays";
    private static final String END_OF_DAY_MINOR_UNITS = "packedEndOfDayMinorUnits";

    private final MongoCollection<Document> balances;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> coverage;
    private final MongoDatabase database;

    public DailyCheckpoints(MongoDatabase readModelDatabase) {
        this.database = readModelDatabase;
        this.balances = readModelDatabase.getCollection(BALANCES);
        this.days = readModelDatabase.getCollection(DAYS);
        this.coverage = readModelDatabase.getCollection(COVERAGE);
    }

    /** Dropping the collections rather than deleting their documents: the old set goes at once, whatever its size. */
    public void replace(Checkpoints checkpoints) {
        coverage.deleteMany(new Document());
        dropIfPresent(BALANCES);
        dropIfPresent(DAYS);
        List<Document> balanceDocuments = new ArrayList<>();
        checkpoints.balances().forEach((balanceId, checkpoint) -> balanceDocuments.add(toDocument(balanceId, checkpoint)));
        insertInChunks(balances, balanceDocuments);
        List<Document> dayDocuments = new ArrayList<>();
        checkpoints.dayRanges().forEach((day, range) -> dayDocuments.add(new Document("_id", day.toString())
                .append("firstIndex", range.first()).append("lastIndex", range.last())));
        insertInChunks(days, dayDocuments);
        coverage.insertOne(new Document("_id", COVERAGE_ID)
                .append("layout", LAYOUT)
                .append("openDay", checkpoints.openDay().toString())
                .append("openFromIndex", checkpoints.openFromIndex())
                .append("upToIndex", checkpoints.upToIndex())
                .append("auditId", checkpoints.auditId()));
    }

    /** What the last audit covered, without the balances; {@link Checkpoints#none()} when no audit wrote any in today's layout. */
    public Checkpoints coverage() {
        Document document = coverage.find(eq("_id", COVERAGE_ID)).first();
        if (document == null || !Integer.valueOf(LAYOUT).equals(document.get("layout"))) {
            return Checkpoints.none();
        }
        return new Checkpoints(LocalDate.parse(document.getString("openDay")), document.getLong("openFromIndex"),
                document.getLong("upToIndex"), document.getString("auditId"), Map.of(), new TreeMap<>());
    }

    /** Empty for a balance without checkpoints, or with checkpoints in another layout (then the coverage is none too). */
    public Optional<BalanceCheckpoints> balance(String balanceId) {
        return Optional.ofNullable(balances.find(eq("_id", balanceId)).first())
                .filter(DailyCheckpoints::inTodaysLayout).map(DailyCheckpoints::toCheckpoints);
    }

    /** Every balance in the currency: a finance report, read once per trial balance. */
    public Map<String, BalanceCheckpoints> balancesIn(String currency) {
        Map<String, BalanceCheckpoints> found = new HashMap<>();
        balances.find(eq("currency", currency)).forEach(document -> {
            if (inTodaysLayout(document)) {
                found.put(document.getString("_id"), toCheckpoints(document));
            }
        });
        return found;
    }

    /** The index ranges of the given days that had money movements. */
    public Map<LocalDate, IndexRange> dayRanges(List<LocalDate> wanted) {
        Map<LocalDate, IndexRange> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        days.find(in("_id", wanted.stream().map(LocalDate::toString).toList())).forEach(document -> found.put(
                LocalDate.parse(document.getString("_id")),
                new IndexRange(document.getLong("firstIndex"), document.getLong("lastIndex"))));
        return found;
    }

    /**
     * A balance's end-of-day balances as two binary fields of 8-byte numbers, days (days since 1970-01-01,
     * UTC) and balances in minor units. A year of days is then two values of about 3 KB each, where arrays of
     * numbers were hundreds of values to encode, store and decode, and one small document per day made
     * writing the checkpoints cost more than the replay itself.
     */
    private static Document toDocument(String balanceId, BalanceCheckpoints checkpoint) {
        ShadowBalance balance = checkpoint.balance();
        return new Document("_id", balanceId)
                .append("account", balance.account())
                .append("currency", balance.currency())
                .append("kind", balance.kind())
                .append("ownerId", balance.ownerId())
                .append(EPOCH_DAYS, new Binary(pack(checkpoint.epochDays())))
                .append(END_OF_DAY_MINOR_UNITS, new Binary(pack(checkpoint.endOfDayMinorUnits())));
    }

    private static boolean inTodaysLayout(Document document) {
        return document.get(EPOCH_DAYS) instanceof Binary && document.get(END_OF_DAY_MINOR_UNITS) instanceof Binary;
    }

    private static BalanceCheckpoints toCheckpoints(Document document) {
        ShadowBalance balance = new ShadowBalance(document.getString("account"), document.getString("currency"),
                document.getString("kind"), document.getString("ownerId"));
        return new BalanceCheckpoints(balance, unpack(document.get(EPOCH_DAYS, Binary.class)),
                unpack(document.get(END_OF_DAY_MINOR_UNITS, Binary.class)));
    }

    private static byte[] pack(long[] numbers) {
        ByteBuffer packed = ByteBuffer.allocate(numbers.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        packed.asLongBuffer().put(numbers);
        return packed.array();
    }

    private static long[] unpack(Binary packed) {
        long[] numbers = new long[packed.getData().length / Long.BYTES];
        ByteBuffer.wrap(packed.getData()).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(numbers);
        return numbers;
    }

    /** The embedded read store logs an error, with a stack trace, for a drop of a collection that does not exist. */
    private void dropIfPresent(String collection) {
        if (database.listCollectionNames().into(new ArrayList<>()).contains(collection)) {
            database.getCollection(collection).drop();
        }
    }

    private static void insertInChunks(MongoCollection<Document> collection, List<Document> documents) {
        for (int from = 0; from < documents.size(); from += WRITE_CHUNK) {
            collection.insertMany(documents.subList(from, Math.min(documents.size(), from + WRITE_CHUNK)),
                    new InsertManyOptions().ordered(false));
        }
    }
}
