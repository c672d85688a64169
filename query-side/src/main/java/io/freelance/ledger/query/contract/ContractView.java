package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.query.escrow.EscrowSummary;
import io.freelance.ledger.query.escrow.MilestoneRow;
import java.time.Instant;
import java.util.List;

/** A contract as the API shows it, read from one {@code contracts} document. */
public record ContractView(
        String id,
        ContractType type,
        String title,
        ContractStatus status,
        String clientId,
        String freelancerId,
        String currency,
        HourlyTerms hourlyTerms,
        List<MilestoneRow> milestones,
        EscrowSummary escrow,
        Instant offeredAt,
        Instant acceptedAt,
        Instant declinedAt,
        String declineReason,
        Instant endedAt,
        String endedBy,
        Role endedByRole,
        String endReason,
        long contractVersion,
        long escrowVersion) {

    public boolean hasParty(String userId) {
        return userId.equals(clientId) || userId.equals(freelancerId);
    }
}
