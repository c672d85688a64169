package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.Money;

/** A currency's trial balance: the sum of every account's balance, from the events and in the live model; double entry keeps both at zero. */
public record CurrencyTotal(String currency, int accountCount, Money replayedTotal, Money liveTotal) {

    public boolean balanced() {
        return replayedTotal.isZero() && liveTotal.isZero();
    }
}
