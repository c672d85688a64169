package io.freelance.ledger.contract;

import java.time.Instant;

public record HourlyContractOfferedEvent(
        String contractId,
        String clientId,
        String freelancerId,
        String title,
        HourlyTerms terms,
        Instant offeredAt) {
}
