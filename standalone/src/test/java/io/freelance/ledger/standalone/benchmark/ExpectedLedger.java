package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the ledger must show after the synthetic history, kept exactly to the cent, to check the API's answers. */
final class ExpectedLedger {

    private final Map<LedgerAccount, BigDecimal> balances = new HashMap<>();
    private final Map<LedgerAccount, Integer> postingCounts = new HashMap<>();

    void apply(JournalEntry entry) {
        for (JournalLeg leg : entry.legs()) {
            balances.merge(leg.account(), leg.amount().amount(), BigDecimal::add);
            postingCounts.merge(leg.account(), 1, Integer::sum);
        }
    }

    BigDecimal balance(LedgerAccount account) {
        return balances.getOrDefault(account, BigDecimal.ZERO);
    }

    int postingCount(LedgerAccount account) {
        return postingCounts.getOrDefault(account, 0);
    }

    /** Every account money moved through; the history is in one currency. */
    int accountCount() {
        return balances.size();
    }

    /** By account name, as the API answers them. */
    Map<String, BigDecimal> balancesOwnedBy(String userId) {
        Map<String, BigDecimal> owned = new TreeMap<>();
        balances.forEach((account, balance) -> {
            if (userId.equals(account.userId())) {
                owned.put(account.name(), balance);
            }
        });
        return owned;
    }
}
