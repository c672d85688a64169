package io.freelance.ledger.query.ledger;

import io.freelance.ledger.common.Money;
import java.util.List;

/**
 * Every account's balance in one currency and their sum, which double entry keeps at zero.
 * {@code accounts} is capped; {@code total} and {@code accountCount} always cover every account.
 */
public record TrialBalance(String currency, List<AccountBalance> accounts, int accountCount, Money total) {

    public boolean balanced() {
        return total.isZero();
    }

    public boolean truncated() {
        return accounts.size() < accountCount;
    }
}
