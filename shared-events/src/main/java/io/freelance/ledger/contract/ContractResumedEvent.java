package io.freelance.ledger.contract;

import io.freelance.ledger.common.Role;
import java.time.Instant;

public record ContractResumedEvent(
        String contractId,
        String resumedBy,
        Role resumedByRole,
        String reason,
        Instant resumedAt) {
}
