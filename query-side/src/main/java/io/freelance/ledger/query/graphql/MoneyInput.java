package io.freelance.ledger.query.graphql;

import java.math.BigDecimal;

public record MoneyInput(BigDecimal amount, String currency) {
}
