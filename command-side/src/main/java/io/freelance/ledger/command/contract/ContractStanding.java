package io.freelance.ledger.command.contract;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import java.time.Instant;

/**
 * Where a contract stands, for the aggregates that act under it (the Work Diary) and must not record
 * anything the contract does not allow: who its parties are, its type and status, when work could
 * start, the agreed hourly terms and the weekly limits over time (for the week's overtime).
 *
 * @param acceptedAt   null until the freelancer accepts
 * @param hourlyTerms  null for a fixed-price contract
 * @param weeklyLimits null for a fixed-price contract
 */
public record ContractStanding(ContractParties parties, ContractType type, ContractStatus status, Instant acceptedAt,
                               HourlyTerms hourlyTerms, WeeklyLimitSchedule weeklyLimits) {

    public boolean isHourly() {
        return type == ContractType.HOURLY;
    }

    /** Both parties agreed to the tracker: the client offered it, the freelancer accepted the offer. */
    public boolean trackerOptedIn() {
        return isHourly() && acceptedAt != null && hourlyTerms.trackerOptIn();
    }

    public boolean manualTimeAllowed() {
        return isHourly() && hourlyTerms.manualTimeAllowed();
    }
}
