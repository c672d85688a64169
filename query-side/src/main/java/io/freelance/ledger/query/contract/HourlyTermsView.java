package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import java.time.Instant;
import java.util.List;

/**
 * An hourly contract's terms as the API shows them at a moment: the weekly limit in force then, and a
 * decrease still waiting for its Monday, rather than the limit as first offered.
 *
 * @param pendingWeeklyLimit null when no change is waiting
 */
public record HourlyTermsView(Money hourlyRate, Integer weeklyLimitHours, PendingWeeklyLimit pendingWeeklyLimit,
                              boolean manualTimeAllowed, boolean trackerOptIn) {

    /** A limit asked for that takes effect later (a decrease, from the next Monday 00:00 UTC); null hours: no limit. */
    public record PendingWeeklyLimit(Integer weeklyLimitHours, Instant effectiveFrom) {
    }

    /** Null for a fixed-price contract. */
    public static HourlyTermsView of(ContractView contract, Instant now) {
        HourlyTerms terms = contract.hourlyTerms();
        if (terms == null) {
            return null;
        }
        WeeklyLimitSchedule limits = contract.weeklyLimits() != null ? contract.weeklyLimits()
                : WeeklyLimitSchedule.offered(terms.weeklyLimitHours());
        List<WeeklyLimitSchedule.Change> changes = limits.changes();
        WeeklyLimitSchedule.Change latest = changes.get(changes.size() - 1);
        PendingWeeklyLimit pending = latest.effectiveFrom() != null && latest.effectiveFrom().isAfter(now)
                ? new PendingWeeklyLimit(latest.weeklyLimitHours(), latest.effectiveFrom()) : null;
        return new HourlyTermsView(terms.hourlyRate(), limits.limitAt(now), pending, terms.manualTimeAllowed(),
                terms.trackerOptIn());
    }
}
