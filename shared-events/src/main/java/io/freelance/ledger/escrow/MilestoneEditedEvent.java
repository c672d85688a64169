package io.freelance.ledger.escrow;

import io.freelance.ledger.contract.MilestoneTerms;

/** The milestone's complete terms after the edit. */
public record MilestoneEditedEvent(String escrowAccountId, String contractId, MilestoneTerms milestone) {
}
