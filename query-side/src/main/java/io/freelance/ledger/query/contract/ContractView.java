package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import java.time.Instant;
import java.util.List;

/**
 * A contract as the API shows it, read from its {@code contracts} document. A fixed-price contract's
 * milestones and escrow come from its escrow account's read model (joined in the escrow package);
 * until the account opens, the milestones are the offered ones.
 *
 * @param hourlyTerms  the terms as offered (null for fixed price); the weekly limit in force comes from {@code weeklyLimits}
 * @param weeklyLimits an hourly contract's weekly limits over time, null for fixed price
 * @param pausedAt     while paused: since when (and {@code pausedBy}, {@code pauseReason}); null otherwise
 */
public record ContractView(
        String id,
        ContractType type,
        String title,
        ContractStatus status,
        String clientId,
        String freelancerId,
        String currency,
        HourlyTerms hourlyTerms,
        List<MilestoneTerms> offeredMilestones,
        Instant offeredAt,
        Instant acceptedAt,
        Instant declinedAt,
        String declineReason,
        Instant endedAt,
        String endedBy,
        Role endedByRole,
        String endReason,
        WeeklyLimitSchedule weeklyLimits,
        Instant pausedAt,
        String pausedBy,
        Role pausedByRole,
        String pauseReason,
        long contractVersion) {

    public boolean hasParty(String userId) {
        return userId.equals(clientId) || userId.equals(freelancerId);
    }

    public boolean isHourly() {
        return type == ContractType.HOURLY;
    }
}
