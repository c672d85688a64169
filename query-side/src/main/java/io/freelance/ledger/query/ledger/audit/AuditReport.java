package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.query.ledger.AccountBalance;
import java.time.Instant;
import java.util.List;

/**
 * What an audit found. It read the event store up to {@code upToIndex} and compared the live ledger as of
 * that index ({@code liveCaughtUp}: the live projection had applied at least that far when it was read).
 * {@code asOf} is null unless balances as of an instant were asked for, by recorded and by effective time.
 */
public record AuditReport(String auditId, long upToIndex, long eventsRead, long movementsApplied, long repeatsIgnored,
                          boolean comparedWithLive, boolean liveCaughtUp,
                          List<BalanceDifference> differences, List<CurrencyTotal> trialBalances,
                          Instant asOf, List<AccountBalance> balancesAsOfRecorded, List<AccountBalance> balancesAsOfEffective) {

    public boolean consistent() {
        return differences.isEmpty() && trialBalances.stream().allMatch(CurrencyTotal::balanced);
    }

    /** One line for the log and the command line. */
    public String summary() {
        long unbalanced = trialBalances.stream().filter(total -> !total.balanced()).count();
        return String.format("%s: %d events read up to index %d, %d journal entries, %d balance difference(s), "
                        + "%d currency(ies) whose trial balance is not zero%s",
                consistent() ? "CONSISTENT" : "INCONSISTENT", eventsRead, upToIndex, movementsApplied,
                differences.size(), unbalanced, comparedWithLive && !liveCaughtUp
                        ? " (the live ledger had not caught up with the index read)" : "");
    }
}
