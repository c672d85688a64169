package io.freelance.ledger.ledger;

import io.freelance.ledger.common.Money;

/** One side of a journal entry: a signed amount on one account (positive: into the account). */
public record JournalLeg(String account, Money amount) {
}
