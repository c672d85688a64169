package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.Money;
import java.time.Instant;
import java.util.List;

/** An account's movements recorded after {@code from} up to {@code to}, between its balances at those instants. */
public record AccountStatement(String account, String currency, Instant from, Instant to, Money openingBalance,
                               Money closingBalance, List<StatementLine> lines) {
}
