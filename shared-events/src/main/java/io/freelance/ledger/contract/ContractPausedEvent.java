package io.freelance.ledger.contract;

import io.freelance.ledger.common.Role;
import java.time.Instant;

public record ContractPausedEvent(
        String contractId,
        String pausedBy,
        Role pausedByRole,
        String reason,
        Instant pausedAt) {
}
