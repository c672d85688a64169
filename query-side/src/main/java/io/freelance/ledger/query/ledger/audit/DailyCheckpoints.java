package io.freelance.ledger.query.ledger.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import io.freelance.ledger.query.ledger.audit.Checkpoints.BalanceCheckpoints;
import io.freelance.ledger.query.ledger.audit.DailyCheckpointBuilder.IndexRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Where the last audit's daily balance checkpoints are kept, addressed by {@code _id}: one document per
 * balance (its end-of-day balances), one per day (its index range), and one naming the audit and what it
 * covered. The coverage document is removed first and written last, so a reader sees either a complete set
 * or none (and then reads from the first event: slower, never wrong).
 */
@Component
public class DailyCheckpoints {

    static final String BALANCES = "ledger_checkpoint_balances";
    static final String DAYS = "ledger_checkpoint_days";
    static final String COVERAGE = "ledger_checkpoint_coverage";
    private static final String COVERAGE_ID = "coverage";
    private static final int WRITE_CHUNK = 1_000;
    private static final String EPOCH_DAYS = "epochDays";
    private static final String END_OF_DAY_MINOR_UNITS = "endOfDayMinorUnits";

    private final MongoCollection<Document> balances;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> coverage;

    public DailyCheckpoints(MongoDatabase readModelDatabase) {
        this.balances = readModelDatabase.getCollection(BALANCES);
        this.days = readModelDatabase.getCollection(DAYS);
        this.coverage = readModelDatabase.getCollection(COVERAGE);
    }

    public void replace(Checkpoints checkpoints) {
        coverage.deleteMany(new Document());
        balances.deleteMany(new Document());
        days.deleteMany(new Document());
        List<Document> balanceDocuments = new ArrayList<>();
        checkpoints.balances().forEach((balanceId, checkpoint) -> balanceDocuments.add(toDocument(balanceId, checkpoint)));
        insertInChunks(balances, balanceDocuments);
        List<Document> dayDocuments = new ArrayList<>();
        checkpoints.dayRanges().forEach((day, range) -> dayDocuments.add(new Document("_id", day.toString())
                .append("firstIndex", range.first()).append("lastIndex", range.last())));
        insertInChunks(days, dayDocuments);
        coverage.insertOne(new Document("_id", COVERAGE_ID)
                .append("openDay", checkpoints.openDay().toString())
                .append("openFromIndex", checkpoints.openFromIndex())
                .append("upToIndex", checkpoints.upToIndex())
                .append("auditId", checkpoints.auditId()));
    }

    /** What the last audit covered, without the balances; {@link Checkpoints#none()} when no audit wrote any. */
    public Checkpoints coverage() {
        Document document = coverage.find(eq("_id", COVERAGE_ID)).first();
        if (document == null) {
            return Checkpoints.none();
        }
        return new Checkpoints(LocalDate.parse(document.getString("openDay")), document.getLong("openFromIndex"),
                document.getLong("upToIndex"), document.getString("auditId"), Map.of(), new TreeMap<>());
    }

    public Optional<BalanceCheckpoints> balance(String balanceId) {
        return Optional.ofNullable(balances.find(eq("_id", balanceId)).first()).map(DailyCheckpoints::toCheckpoints);
    }

    /** Every balance in the currency: a finance report, read once per trial balance. */
    public Map<String, BalanceCheckpoints> balancesIn(String currency) {
        Map<String, BalanceCheckpoints> found = new HashMap<>();
        balances.find(eq("currency", currency))
                .forEach(document -> found.put(document.getString("_id"), toCheckpoints(document)));
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
     * A balance's end-of-day balances as two parallel arrays, days (days since 1970-01-01, UTC) and balances in
     * minor units: a year of days is 365 numbers each rather than 365 small documents, which made writing the
     * checkpoints cost more than the replay itself.
     */
    private static Document toDocument(String balanceId, BalanceCheckpoints checkpoint) {
        List<Long> days = new ArrayList<>(checkpoint.endOfDayMinorUnits().size());
        List<Long> balancesAtDayEnd = new ArrayList<>(checkpoint.endOfDayMinorUnits().size());
        checkpoint.endOfDayMinorUnits().forEach((day, minorUnits) -> {
            days.add(day.toEpochDay());
            balancesAtDayEnd.add(minorUnits);
        });
        ShadowBalance balance = checkpoint.balance();
        return new Document("_id", balanceId)
                .append("account", balance.account())
                .append("currency", balance.currency())
                .append("kind", balance.kind())
                .append("ownerId", balance.ownerId())
                .append(EPOCH_DAYS, days)
                .append(END_OF_DAY_MINOR_UNITS, balancesAtDayEnd);
    }

    private static BalanceCheckpoints toCheckpoints(Document document) {
        TreeMap<LocalDate, Long> endOfDay = new TreeMap<>();
        if (document.containsKey(EPOCH_DAYS)) {
            List<Long> days = document.getList(EPOCH_DAYS, Long.class);
            List<Long> balancesAtDayEnd = document.getList(END_OF_DAY_MINOR_UNITS, Long.class);
            for (int day = 0; day < days.size(); day++) {
                endOfDay.put(LocalDate.ofEpochDay(days.get(day)), balancesAtDayEnd.get(day));
            }
        } else {
            // COMPATIBILITY: checkpoints written before the arrays, one small document per day; the next audit rewrites them.
            document.getList("days", Document.class).forEach(day ->
                    endOfDay.put(LocalDate.parse(day.getString("day")), day.getLong("balanceMinorUnits")));
        }
        ShadowBalance balance = new ShadowBalance(document.getString("account"), document.getString("currency"),
                document.getString("kind"), document.getString("ownerId"));
        return new BalanceCheckpoints(balance, endOfDay);
    }

    private static void insertInChunks(MongoCollection<Document> collection, List<Document> documents) {
        for (int from = 0; from < documents.size(); from += WRITE_CHUNK) {
            collection.insertMany(documents.subList(from, Math.min(documents.size(), from + WRITE_CHUNK)),
                    new InsertManyOptions().ordered(false));
        }
    }
}
