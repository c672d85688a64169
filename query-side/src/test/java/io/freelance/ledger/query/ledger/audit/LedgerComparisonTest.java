package io.freelance.ledger.query.ledger.audit;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.query.ledger.LedgerFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerComparisonTest {

    private static final LedgerAccount ESCROW = LedgerAccounts.escrow("contract-1");
    private static final LedgerAccount CHARGES = LedgerAccounts.clientCharges("alice");

    @Test
    void equalBalancesHaveNoDifference() {
        Map<String, ShadowBalance> replayed = replayed(ESCROW, 500_00, CHARGES, -500_00);
        Map<String, LiveBalance> live = live(ESCROW, 500_00, CHARGES, -500_00);

        assertThat(LedgerComparison.differences(replayed, live)).isEmpty();
        assertThat(LedgerComparison.trialBalances(replayed, live))
                .singleElement().satisfies(total -> assertThat(total.balanced()).isTrue());
    }

    @Test
    void aDifferentBalanceIsReportedWithAccountCurrencyExpectedAndActual() {
        List<BalanceDifference> differences = LedgerComparison.differences(
                replayed(ESCROW, 500_00, CHARGES, -500_00), live(ESCROW, 499_99, CHARGES, -500_00));

        assertThat(differences).containsExactly(new BalanceDifference(ESCROW.name(), "USD", usd("500.00"), usd("499.99")));
        assertThat(differences.get(0).difference()).isEqualTo(usd("-0.01"));
    }

    @Test
    void aBalanceOnlyOneSideHasIsComparedWithZero() {
        List<BalanceDifference> differences = LedgerComparison.differences(
                replayed(ESCROW, 500_00, CHARGES, -500_00), live(CHARGES, -500_00));

        assertThat(differences).containsExactly(new BalanceDifference(ESCROW.name(), "USD", usd("500.00"), usd("0.00")));
    }

    @Test
    void aZeroBalanceMissingOnOneSideIsNoDifference() {
        assertThat(LedgerComparison.differences(replayed(ESCROW, 0), live())).isEmpty();
    }

    @Test
    void aLiveTrialBalanceOffZeroIsUnbalanced() {
        List<CurrencyTotal> totals = LedgerComparison.trialBalances(
                replayed(ESCROW, 500_00, CHARGES, -500_00), live(ESCROW, 500_01, CHARGES, -500_00));

        assertThat(totals).singleElement().satisfies(total -> {
            assertThat(total.replayedTotal()).isEqualTo(usd("0.00"));
            assertThat(total.liveTotal()).isEqualTo(usd("0.01"));
            assertThat(total.balanced()).isFalse();
        });
    }

    private static Map<String, ShadowBalance> replayed(Object... accountsAndMinorUnits) {
        Map<String, ShadowBalance> balances = new HashMap<>();
        for (int index = 0; index < accountsAndMinorUnits.length; index += 2) {
            LedgerAccount account = (LedgerAccount) accountsAndMinorUnits[index];
            ShadowBalance balance = ShadowBalance.of(account, "USD");
            balance.add(((Number) accountsAndMinorUnits[index + 1]).longValue());
            balances.put(LedgerFields.balanceId(account.name(), "USD"), balance);
        }
        return balances;
    }

    private static Map<String, LiveBalance> live(Object... accountsAndMinorUnits) {
        Map<String, LiveBalance> balances = new HashMap<>();
        for (int index = 0; index < accountsAndMinorUnits.length; index += 2) {
            LedgerAccount account = (LedgerAccount) accountsAndMinorUnits[index];
            balances.put(LedgerFields.balanceId(account.name(), "USD"),
                    new LiveBalance(account.name(), "USD", ((Number) accountsAndMinorUnits[index + 1]).longValue()));
        }
        return balances;
    }
}
