package io.freelance.ledger.escrow;

import io.freelance.ledger.contract.MilestoneTerms;

public record MilestoneAddedEvent(String escrowAccountId, String contractId, MilestoneTerms milestone, int position) {
}
