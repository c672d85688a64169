package io.freelance.ledger.query.ledger;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.freelance.ledger.query.ledger.LedgerFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.freelance.ledger.query.readstore.IdChunks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads balances, statements and trial balances, checking the ledger's invariants on the way. Every read
 * is by {@code _id} (balances from the owner's or currency's list, postings by their numbers on the
 * statement), so it costs the same however much else the ledger holds.
 */
@Component
public class LedgerReadModel {

    /** Most accounts one list returns; a trial balance still sums every account. */
    public static final int MAX_ACCOUNTS_PER_LIST = 1_000;
    /** Balances read per query while summing a trial balance. */
    private static final int READ_CHUNK = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LedgerReadModel.class);
    private static final Comparator<AccountBalance> BY_ACCOUNT =
            Comparator.comparing(AccountBalance::account).thenComparing(AccountBalance::currency);

    private final MongoCollection<Document> balances;
    private final MongoCollection<Document> postings;
    private final AccountLists accountLists;

    public LedgerReadModel(MongoDatabase readModelDatabase, AccountLists accountLists) {
        this.balances = readModelDatabase.getCollection(BALANCES);
        this.postings = readModelDatabase.getCollection(POSTINGS);
        this.accountLists = accountLists;
    }

    public List<AccountBalance> balancesOwnedBy(String userId) {
        return sortedFirst(accountLists.balanceIdsOwnedBy(userId));
    }

    /** Finance's overview: the first accounts opened in each currency, up to the list limit. */
    public List<AccountBalance> allBalances() {
        List<String> ids = new ArrayList<>();
        for (String currency : accountLists.currencies()) {
            accountLists.balanceIdsIn(currency).stream().limit(MAX_ACCOUNTS_PER_LIST - ids.size()).forEach(ids::add);
        }
        return sortedFirst(ids);
    }

    public Optional<AccountBalance> balance(String account, String currency) {
        return Optional.ofNullable(balances.find(eq(ID, balanceId(account, currency))).first())
                .map(LedgerReadModel::toBalance);
    }

    /**
     * Newest first, {@code pageSize + 1} postings at most (to tell whether more follow), numbered below
     * {@code beforeNumber} when given. Each posting's balance must follow from the next older one.
     */
    public List<LedgerPosting> statement(String account, String currency, int pageSize, Long beforeNumber) {
        String balanceId = balanceId(account, currency);
        Document balance = balances.find(eq(ID, balanceId)).projection(Projections.include(POSTING_COUNT)).first();
        long newest = beforeNumber != null ? beforeNumber - 1 : balance == null ? 0 : postingCount(balance);
        List<String> ids = new ArrayList<>();
        for (long number = newest; number >= 1 && ids.size() <= pageSize; number--) {
            ids.add(postingId(balanceId, number));
        }
        List<Document> documents = ids.isEmpty() ? List.of() : postings.find(in(ID, ids)).into(new ArrayList<>());
        documents.sort(Comparator.comparingLong((Document document) -> document.getLong(NUMBER)).reversed());
        requireContinuousBalances(account, currency, documents);
        return documents.stream().map(LedgerReadModel::toPosting).toList();
    }

    public TrialBalance trialBalance(String currency) {
        List<AccountBalance> listed = new ArrayList<>();
        long totalMinorUnits = 0;
        int accountCount = 0;
        for (List<String> ids : IdChunks.of(accountLists.balanceIdsIn(currency), READ_CHUNK)) {
            List<Document> chunk = balances.find(in(ID, ids))
                    .projection(Projections.include(ACCOUNT, CURRENCY, BALANCE_MINOR_UNITS))
                    .into(new ArrayList<>());
            for (Document document : chunk) {
                totalMinorUnits = Math.addExact(totalMinorUnits, document.getLong(BALANCE_MINOR_UNITS));
                accountCount++;
                listed.add(toBalance(document));
            }
            // Keep only the first accounts by name: the list shows at most the limit, the sum covers all.
            listed.sort(BY_ACCOUNT);
            if (listed.size() > MAX_ACCOUNTS_PER_LIST) {
                listed.subList(MAX_ACCOUNTS_PER_LIST, listed.size()).clear();
            }
        }
        TrialBalance trialBalance = new TrialBalance(currency, listed, accountCount, MinorUnits.toMoney(totalMinorUnits, currency));
        if (!trialBalance.balanced()) {
            // Reported to finance rather than thrown: hiding the figures would not help anyone fix them.
            log.error("Trial balance in {} does not net to zero: {} over {} accounts", currency, trialBalance.total(), accountCount);
        }
        return trialBalance;
    }

    private List<AccountBalance> sortedFirst(Collection<String> balanceIds) {
        List<String> ids = balanceIds.stream().limit(MAX_ACCOUNTS_PER_LIST).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<AccountBalance> found = balances.find(in(ID, ids)).map(LedgerReadModel::toBalance).into(new ArrayList<>());
        found.sort(BY_ACCOUNT);
        return found;
    }

    private static long postingCount(Document balance) {
        Number count = (Number) balance.get(POSTING_COUNT);
        return count == null ? 0 : count.longValue();
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
                document.getDate(RECORDED_AT) == null ? null : document.getDate(RECORDED_AT).toInstant(),
                LedgerDocuments.cause(document.get(CAUSE, Document.class)),
                document.getLong(NUMBER));
    }
}
