package io.freelance.ledger.contract;

import io.freelance.ledger.common.Role;
import java.time.Instant;

public record ContractEndedEvent(
        String contractId,
        ContractType type,
        String endedBy,
        Role endedByRole,
        String reason,
        Instant endedAt) {
}
