package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time worked on hourly contracts over a range of days, both included (Upwork's {@code contractTimeReport}).
 * Hours are summed from exact minutes and rounded once for display; charges add up per currency, since
 * contracts may be priced in different ones.
 *
 * @param contracts one line per contract, in the order the contracts were offered
 */
public record ContractTimeReport(LocalDate from, LocalDate to, List<ContractTime> contracts) {

    public ContractTimeReport {
        contracts = List.copyOf(contracts);
    }

    /** Tracked and manual time, overtime included. */
    public BigDecimal totalHoursWorked() {
        return WorkDiaryTotals.hours(contracts.stream().mapToInt(line -> line.totals().workedMinutes()).sum());
    }

    /** Time the tracker recorded (Upwork's online time), overtime included. */
    public BigDecimal totalOnlineHoursWorked() {
        return WorkDiaryTotals.hours(contracts.stream().mapToInt(line -> line.totals().trackedMinutes()).sum());
    }

    /** Manual time (Upwork's offline time), overtime included. */
    public BigDecimal totalOfflineHoursWorked() {
        return WorkDiaryTotals.hours(contracts.stream().mapToInt(line -> line.totals().manualMinutes()).sum());
    }

    /** What the contracts' billable time costs, one amount per currency, in currency-code order. */
    public List<Money> charges() {
        Map<String, Money> byCurrency = new TreeMap<>();
        for (ContractTime line : contracts) {
            byCurrency.merge(line.charges().currency(), line.charges(), Money::plus);
        }
        return new ArrayList<>(byCurrency.values());
    }

    /** The charges when all contracts share one currency; null when they differ (read {@link #charges}) or none is listed. */
    public Money totalCharges() {
        List<Money> charges = charges();
        return charges.size() == 1 ? charges.get(0) : null;
    }

    /** One contract's share of the report; {@code totals} covers the report's days only. */
    public record ContractTime(String contractId, String title, WorkDiaryTotals totals) {

        public BigDecimal hoursWorked() {
            return WorkDiaryTotals.hours(totals.workedMinutes());
        }

        public BigDecimal onlineHoursWorked() {
            return totals.trackedHours();
        }

        public BigDecimal offlineHoursWorked() {
            return totals.manualHours();
        }

        public BigDecimal overtimeHours() {
            return totals.overtimeHours();
        }

        public BigDecimal billableHours() {
            return totals.billableHours();
        }

        /** Billable time at the contract's rate, as its invoices bill these days. */
        public Money charges() {
            return totals.amount();
        }

        boolean hasTimeWorked() {
            return totals.workedMinutes() > 0;
        }
    }
}
