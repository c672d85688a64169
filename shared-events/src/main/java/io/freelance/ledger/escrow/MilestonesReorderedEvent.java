package io.freelance.ledger.escrow;

import java.util.List;

public record MilestonesReorderedEvent(String escrowAccountId, String contractId, List<String> milestoneIds) {
}
