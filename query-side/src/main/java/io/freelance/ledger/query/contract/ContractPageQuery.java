package io.freelance.ledger.query.contract;

import io.freelance.ledger.contract.ContractStatus;
import java.time.Instant;
import java.util.List;

/**
 * One page of a user's contracts, newest offer first. {@code side} null means either side;
 * {@code after} null means from the start.
 */
public record ContractPageQuery(
        String userId,
        ContractPartyRole side,
        List<ContractStatus> statuses,
        int pageSize,
        ContractPosition after) {

    /** Where a page ends: contracts are ordered by offer time, then id, both descending. */
    public record ContractPosition(Instant offeredAt, String contractId) {
    }
}
