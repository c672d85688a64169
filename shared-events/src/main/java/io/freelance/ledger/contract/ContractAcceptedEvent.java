package io.freelance.ledger.contract;

import java.time.Instant;

/** The freelancer accepted; for a fixed-price contract the escrow account opens in the same step. */
public record ContractAcceptedEvent(
        String contractId,
        ContractType type,
        String clientId,
        String freelancerId,
        Instant acceptedAt) {
}
