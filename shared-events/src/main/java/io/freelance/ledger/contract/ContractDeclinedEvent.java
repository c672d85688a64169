package io.freelance.ledger.contract;

import java.time.Instant;

public record ContractDeclinedEvent(String contractId, String reason, Instant declinedAt) {
}
