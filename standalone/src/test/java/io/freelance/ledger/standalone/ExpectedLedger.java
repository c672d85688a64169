package io.freelance.ledger.standalone;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The balances a ledger must hold once every given flow's milestone was released exactly once and
 * its security period is over: computed from the flows' deposits alone, to the cent.
 */
final class ExpectedLedger {

    private ExpectedLedger() {
    }

    /** Every account that must hold money, keyed "account currency"; all others must be zero. */
    static Map<String, BigDecimal> settled(List<FixedPriceFlow> releasedFlows) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        for (FixedPriceFlow flow : releasedFlows) {
            String currency = flow.currency();
            add(balances, "client:" + flow.client().id() + ":charges", currency, flow.charged().negate());
            add(balances, "platform:fees:marketplace", currency, flow.marketplaceFee());
            add(balances, "platform:fees:service", currency, flow.serviceFee());
            add(balances, "freelancer:" + flow.freelancer().id() + ":available", currency, flow.paidToFreelancer());
        }
        return balances;
    }

    /** Accounts whose actual balance is not the expected one (zero where nothing is expected). */
    static List<String> differences(Map<String, BigDecimal> expected, Map<String, BigDecimal> actual) {
        TreeSet<String> accounts = new TreeSet<>(expected.keySet());
        accounts.addAll(actual.keySet());
        List<String> differences = new ArrayList<>();
        for (String account : accounts) {
            BigDecimal want = expected.getOrDefault(account, BigDecimal.ZERO);
            BigDecimal have = actual.getOrDefault(account, BigDecimal.ZERO);
            if (want.compareTo(have) != 0) {
                differences.add(account + ": expected " + want.toPlainString() + ", ledger has " + have.toPlainString());
            }
        }
        return differences;
    }

    private static void add(Map<String, BigDecimal> balances, String account, String currency, BigDecimal amount) {
        balances.merge(LedgerSnapshot.key(account, currency), amount, BigDecimal::add);
    }
}
