package io.freelance.ledger.query.contract;

import io.freelance.ledger.contract.ContractStatus;
import java.util.List;

/**
 * One page of a user's contracts, newest offer first. {@code side} null means either side;
 * {@code after} (a position in the user's list of contracts) null means from the start.
 */
public record ContractPageQuery(
        String userId,
        ContractPartyRole side,
        List<ContractStatus> statuses,
        int pageSize,
        Long after) {
}
