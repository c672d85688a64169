package io.freelance.ledger.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.query.readstore.IdLists;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which balances exist, by owner and by currency, and which currencies the ledger has seen: the
 * lists behind a user's accounts and a currency's trial balance, read by {@code _id}.
 */
@Component
public class AccountLists {

    static final String COLLECTION = "ledger_account_lists";
    private static final String CURRENCIES = "currencies";

    private final IdLists lists;

    public AccountLists(MongoDatabase readModelDatabase) {
        this.lists = new IdLists(readModelDatabase.getCollection(COLLECTION));
    }

    /** Called before the balance document is first written, so no balance exists that no list names. */
    void opened(LedgerAccount account, String currency) {
        String balanceId = LedgerFields.balanceId(account.name(), currency);
        String userId = account.userId();
        if (userId != null) {
            lists.append(ownerList(userId), balanceId);
        }
        lists.append(currencyList(currency), balanceId);
        lists.append(CURRENCIES, currency);
    }

    Set<String> balanceIdsOwnedBy(String userId) {
        return lists.all(ownerList(userId));
    }

    Set<String> balanceIdsIn(String currency) {
        return lists.all(currencyList(currency));
    }

    Set<String> currencies() {
        return lists.all(CURRENCIES);
    }

    void deleteAll() {
        lists.deleteAll();
    }

    private static String ownerList(String userId) {
        return "owner:" + userId;
    }

    private static String currencyList(String currency) {
        return "currency:" + currency;
    }
}
