package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.query.ledger.MinorUnits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares balances rebuilt from the events with the live model's, both in minor units by balance id
 * ({@code account|currency}). A balance only one side has counts as zero on the other; a zero balance
 * missing on one side is no difference (an account nothing moved through has a zero balance).
 */
public final class LedgerComparison {

    private LedgerComparison() {
    }

    /** Every difference, by account then currency. */
    public static List<BalanceDifference> differences(Map<String, ShadowBalance> expected, Map<String, LiveBalance> actual) {
        List<BalanceDifference> differences = new ArrayList<>();
        TreeSet<String> balanceIds = new TreeSet<>(expected.keySet());
        balanceIds.addAll(actual.keySet());
        for (String balanceId : balanceIds) {
            ShadowBalance replayed = expected.get(balanceId);
            LiveBalance live = actual.get(balanceId);
            long expectedMinorUnits = replayed == null ? 0 : replayed.balanceMinorUnits();
            long actualMinorUnits = live == null ? 0 : live.balanceMinorUnits();
            if (expectedMinorUnits != actualMinorUnits) {
                String account = replayed != null ? replayed.account() : live.account();
                String currency = replayed != null ? replayed.currency() : live.currency();
                differences.add(new BalanceDifference(account, currency,
                        MinorUnits.toMoney(expectedMinorUnits, currency), MinorUnits.toMoney(actualMinorUnits, currency)));
            }
        }
        differences.sort(Comparator.comparing(BalanceDifference::account).thenComparing(BalanceDifference::currency));
        return differences;
    }

    /** Per currency, the sum of every balance on both sides, by currency code. */
    public static List<CurrencyTotal> trialBalances(Map<String, ShadowBalance> expected, Map<String, LiveBalance> actual) {
        Map<String, long[]> sums = new TreeMap<>();
        expected.values().forEach(balance -> {
            long[] sum = sums.computeIfAbsent(balance.currency(), currency -> new long[3]);
            sum[0] = Math.addExact(sum[0], balance.balanceMinorUnits());
            sum[2]++;
        });
        actual.values().forEach(balance -> {
            long[] sum = sums.computeIfAbsent(balance.currency(), currency -> new long[3]);
            sum[1] = Math.addExact(sum[1], balance.balanceMinorUnits());
        });
        List<CurrencyTotal> totals = new ArrayList<>();
        sums.forEach((currency, sum) -> totals.add(new CurrencyTotal(currency, (int) sum[2],
                MinorUnits.toMoney(sum[0], currency), MinorUnits.toMoney(sum[1], currency))));
        return totals;
    }
}
