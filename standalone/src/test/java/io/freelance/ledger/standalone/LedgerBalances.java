package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Balances as finance sees them through the API, compared with where they stood when the test
 * began, so accounts other tests also use (the platform's fee accounts) can be checked exactly.
 */
final class LedgerBalances {

    private final LedgerApi api;
    private final String currency;
    private final Map<String, BigDecimal> baseline = new LinkedHashMap<>();

    LedgerBalances(LedgerApi api, String currency, String... accounts) {
        this.api = api;
        this.currency = currency;
        for (String account : accounts) {
            baseline.put(account, api.balance(account, currency));
        }
    }

    /** Waits until every listed account has moved by exactly the given amounts since the baseline. */
    void expectChanges(Map<String, String> expectedChangeByAccount) {
        StandaloneTestBase.eventually(() -> {
            Map<String, BigDecimal> actual = new LinkedHashMap<>();
            Map<String, BigDecimal> expected = new LinkedHashMap<>();
            expectedChangeByAccount.forEach((account, change) -> {
                BigDecimal start = baseline.get(account);
                if (start == null) {
                    throw new IllegalArgumentException("No baseline for " + account);
                }
                actual.put(account, api.balance(account, currency).subtract(start));
                expected.put(account, new BigDecimal(change));
            });
            assertThat(actual).as("change of each balance since the test began").isEqualTo(expected);
        });
    }
}
