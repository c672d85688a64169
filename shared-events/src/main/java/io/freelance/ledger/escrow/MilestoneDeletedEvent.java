package io.freelance.ledger.escrow;

public record MilestoneDeletedEvent(String escrowAccountId, String contractId, String milestoneId) {
}
