package io.freelance.ledger.standalone;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What the read models say, as the API serves it: every contract of the demo clients, every ledger
 * account's balance (finance sees them all) and the trial balance per currency. Two services that
 * applied the same events must produce equal snapshots.
 */
record LedgerSnapshot(Map<String, JsonNode> contractsById, Map<String, BigDecimal> balancesByAccount,
                      Map<String, JsonNode> trialBalanceByCurrency) {

    private static final List<DemoUser> CLIENTS = List.of(DemoUser.ALICE, DemoUser.BOB);
    private static final int MAXIMUM_PAGES = 100;

    static LedgerSnapshot take(LedgerApi api, List<String> currencies) {
        Map<String, JsonNode> trialBalances = new TreeMap<>();
        for (String currency : currencies) {
            trialBalances.put(currency, api.trialBalance(currency).dataAt("trialBalance"));
        }
        return new LedgerSnapshot(contracts(api), balances(api), trialBalances);
    }

    /** Every contract the demo clients are party to, by id. */
    static Map<String, JsonNode> contracts(LedgerApi api) {
        Map<String, JsonNode> contracts = new TreeMap<>();
        for (DemoUser client : CLIENTS) {
            String after = null;
            for (int page = 0; page < MAXIMUM_PAGES; page++) {
                JsonNode connection = api.contractsWithFields(client, after).dataAt("contracts");
                connection.path("edges").forEach(edge -> contracts.put(edge.path("node").path("id").asString(), edge.path("node")));
                if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                    break;
                }
                after = connection.path("pageInfo").path("endCursor").asString();
            }
        }
        return contracts;
    }

    /** Every account's balance, keyed "account currency", as exact decimals. */
    static Map<String, BigDecimal> balances(LedgerApi api) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        for (JsonNode account : api.ledgerAccounts(DemoUser.ERIN).dataAt("ledgerAccounts")) {
            balances.put(key(account.path("account").asString(), account.path("currency").asString()),
                    Amounts.exact(account.path("balance").path("amount").asString()));
        }
        return balances;
    }

    static String key(String account, String currency) {
        return account + " " + currency;
    }

    /** Each difference as a line: what this snapshot holds against what the other holds. */
    List<String> differencesFrom(LedgerSnapshot other) {
        List<String> differences = new ArrayList<>();
        compare("contract", contractsById, other.contractsById, differences);
        compare("balance", balancesByAccount, other.balancesByAccount, differences);
        compare("trial balance", trialBalanceByCurrency, other.trialBalanceByCurrency, differences);
        return differences;
    }

    private static <V> void compare(String kind, Map<String, V> mine, Map<String, V> theirs, List<String> differences) {
        TreeSet<String> keys = new TreeSet<>(mine.keySet());
        keys.addAll(theirs.keySet());
        for (String key : keys) {
            V left = mine.get(key);
            V right = theirs.get(key);
            if (!sameValue(left, right)) {
                differences.add(kind + " " + key + ": " + left + " vs " + right);
            }
        }
    }

    private static boolean sameValue(Object left, Object right) {
        if (left instanceof BigDecimal leftAmount && right instanceof BigDecimal rightAmount) {
            return leftAmount.compareTo(rightAmount) == 0;
        }
        return Objects.equals(left, right);
    }
}
