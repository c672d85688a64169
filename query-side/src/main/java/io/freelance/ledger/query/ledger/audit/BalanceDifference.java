package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.Money;

/** A balance the live ledger holds differently from the event history: expected from the events, actual in the live model. */
public record BalanceDifference(String account, String currency, Money expected, Money actual) {

    public Money difference() {
        return new Money(actual.amount().subtract(expected.amount()), currency);
    }
}
