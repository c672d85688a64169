package io.freelance.ledger.query.ledger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static io.freelance.ledger.query.ledger.LedgerFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads balances, statements and trial balances, checking the ledger's invariants on the way. */
@Component
public class LedgerReadModel {

    /** Most accounts one list returns; a trial balance still sums every account. */
    public static final int MAX_ACCOUNTS_PER_LIST = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LedgerReadModel.class);

    private final MongoCollection<Document> balances;
    private final MongoCollection<Document> postings;

    public LedgerReadModel(MongoDatabase readModelDatabase) {
        this.balances = readModelDatabase.getCollection(BALANCES);
        this.postings = readModelDatabase.getCollection(POSTINGS);
    }

    public List<AccountBalance> balancesOwnedBy(String userId) {
        return balances.find(eq(OWNER_ID, userId))
                .sort(Sorts.ascending(ACCOUNT, CURRENCY))
                .limit(MAX_ACCOUNTS_PER_LIST)
                .map(LedgerReadModel::toBalance)
                .into(new ArrayList<>());
    }

    public List<AccountBalance> allBalances() {
        return balances.find()
                .sort(Sorts.ascending(ACCOUNT, CURRENCY))
                .limit(MAX_ACCOUNTS_PER_LIST)
                .map(LedgerReadModel::toBalance)
                .into(new ArrayList<>());
    }

    public Optional<AccountBalance> balance(String account, String currency) {
        return Optional.ofNullable(balances.find(eq(ID, balanceId(account, currency))).first())
                .map(LedgerReadModel::toBalance);
    }

    /**
     * Newest first, {@code pageSize + 1} postings at most (to tell whether more follow), before
     * {@code beforePosition} when given. Each posting's balance must follow from the next older one.
     */
    public List<LedgerPosting> statement(String account, String currency, int pageSize, Long beforePosition) {
        Bson filter = beforePosition == null
                ? and(eq(ACCOUNT, account), eq(CURRENCY, currency))
                : and(eq(ACCOUNT, account), eq(CURRENCY, currency), lt(POSITION, beforePosition));
        List<Document> documents = postings.find(filter)
                .sort(Sorts.descending(POSITION))
                .limit(pageSize + 1)
                .into(new ArrayList<>());
        requireContinuousBalances(account, currency, documents);
        return documents.stream().map(LedgerReadModel::toPosting).toList();
    }

    public TrialBalance trialBalance(String currency) {
        List<AccountBalance> listed = new ArrayList<>();
        long totalMinorUnits = 0;
        int accountCount = 0;
        try (MongoCursor<Document> cursor = balances.find(eq(CURRENCY, currency))
                .projection(Projections.include(ACCOUNT, CURRENCY, BALANCE_MINOR_UNITS))
                .sort(Sorts.ascending(ACCOUNT))
                .iterator()) {
            while (cursor.hasNext()) {
                Document document = cursor.next();
                totalMinorUnits = Math.addExact(totalMinorUnits, document.getLong(BALANCE_MINOR_UNITS));
                accountCount++;
                if (listed.size() < MAX_ACCOUNTS_PER_LIST) {
                    listed.add(toBalance(document));
                }
            }
        }
        TrialBalance trialBalance = new TrialBalance(currency, listed, accountCount, MinorUnits.toMoney(totalMinorUnits, currency));
        if (!trialBalance.balanced()) {
            // Reported to finance rather than thrown: hiding the figures would not help anyone fix them.
            log.error("Trial balance in {} does not net to zero: {} over {} accounts", currency, trialBalance.total(), accountCount);
        }
        return trialBalance;
    }

    private static void requireContinuousBalances(String account, String currency, List<Document> newestFirst) {
        for (int index = 0; index + 1 < newestFirst.size(); index++) {
            Document newer = newestFirst.get(index);
            Document older = newestFirst.get(index + 1);
            long expected = Math.addExact(older.getLong(BALANCE_AFTER_MINOR_UNITS), newer.getLong(AMOUNT_MINOR_UNITS));
            if (expected != newer.getLong(BALANCE_AFTER_MINOR_UNITS)) {
                throw new IllegalStateException("Statement of " + account + " " + currency + " breaks at entry "
                        + newer.getString(ENTRY_ID) + ": balance after is " + newer.getLong(BALANCE_AFTER_MINOR_UNITS)
                        + " minor units, the previous posting implies " + expected);
            }
        }
    }

    private static AccountBalance toBalance(Document document) {
        String currency = document.getString(CURRENCY);
        return new AccountBalance(document.getString(ACCOUNT), currency,
                MinorUnits.toMoney(document.getLong(BALANCE_MINOR_UNITS), currency));
    }

    private static LedgerPosting toPosting(Document document) {
        String currency = document.getString(CURRENCY);
        return new LedgerPosting(
                document.getString(ENTRY_ID),
                MinorUnits.toMoney(document.getLong(AMOUNT_MINOR_UNITS), currency),
                MinorUnits.toMoney(document.getLong(BALANCE_AFTER_MINOR_UNITS), currency),
                document.getDate(EFFECTIVE_AT).toInstant(),
                LedgerDocuments.cause(document.get(CAUSE, Document.class)),
                document.getLong(POSITION));
    }
}
