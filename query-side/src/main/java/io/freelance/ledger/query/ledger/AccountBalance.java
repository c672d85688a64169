package io.freelance.ledger.query.ledger;

import io.freelance.ledger.common.Money;

/** One account's balance in one currency; positive means the account holds money. */
public record AccountBalance(String account, String currency, Money balance) {
}
