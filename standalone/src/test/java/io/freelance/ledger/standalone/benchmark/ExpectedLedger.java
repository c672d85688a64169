package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the ledger must show after the synthetic history, kept exactly to the cent, to check the API's answers. */
final class ExpectedLedger {

    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<String, Integer> postingCounts = new HashMap<>();

    void apply(JournalEntry entry) {
        for (JournalLeg leg : entry.legs()) {
            balances.merge(leg.account(), leg.amount().amount(), BigDecimal::add);
            postingCounts.merge(leg.account(), 1, Integer::sum);
        }
    }

    BigDecimal balance(String account) {
        return balances.getOrDefault(account, BigDecimal.ZERO);
    }

    int postingCount(String account) {
        return postingCounts.getOrDefault(account, 0);
    }

    /** Every account money moved through; the history is in one currency. */
    int accountCount() {
        return balances.size();
    }

    Map<String, BigDecimal> balancesOwnedBy(String userId) {
        Map<String, BigDecimal> owned = new TreeMap<>();
        balances.forEach((account, balance) -> {
            if (userId.equals(LedgerAccounts.ownerOf(account))) {
                owned.put(account, balance);
            }
        });
        return owned;
    }
}
