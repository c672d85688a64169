package io.freelance.ledger.query.api;

import java.math.BigDecimal;

public record MoneyInput(BigDecimal amount, String currency) {
}
