package io.freelance.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The double-entry rule every journal entry is held to, for entries of few legs and of many. */
class JournalEntryRulesTest {

    @Test
    void aBalancedEntryInOneCurrencyPasses() {
        assertThatCode(() -> JournalEntry.requireBalanced("e", List.of(
                leg(LedgerAccounts.clientCharges("c"), "-105.00", "USD"),
                leg(LedgerAccounts.escrow("k"), "100.00", "USD"),
                leg(LedgerAccounts.MARKETPLACE_FEES, "5.00", "USD")))).doesNotThrowAnyException();
    }

    @Test
    void fewerThanTwoLegsAreRefused() {
        assertThatThrownBy(() -> JournalEntry.requireBalanced("e", List.of(leg(LedgerAccounts.escrow("k"), "1.00", "USD"))))
                .hasMessage("Journal entry e needs at least two legs");
    }

    @Test
    void anAccountNamedTwiceInOneCurrencyIsRefusedWithFewLegsAndWithMany() {
        for (int otherLegs : new int[] {1, 12}) {
            List<JournalLeg> legs = new ArrayList<>(spread(otherLegs));
            legs.add(leg(LedgerAccounts.escrow("k0"), "1.00", "USD"));
            assertThatThrownBy(() -> JournalEntry.requireBalanced("e", legs)).as("%d legs", legs.size())
                    .hasMessageContaining("names account").hasMessageContaining("twice");
        }
    }

    @Test
    void theSameAccountInTwoCurrenciesIsTwoBalances() {
        assertThatCode(() -> JournalEntry.requireBalanced("e", List.of(
                leg(LedgerAccounts.escrow("k"), "10.00", "USD"),
                leg(LedgerAccounts.clientCharges("c"), "-10.00", "USD"),
                leg(LedgerAccounts.escrow("k"), "9.00", "EUR"),
                leg(LedgerAccounts.clientCharges("c"), "-9.00", "EUR")))).doesNotThrowAnyException();
    }

    @Test
    void aZeroLegIsRefusedWithFewLegsAndWithMany() {
        for (int otherLegs : new int[] {1, 12}) {
            List<JournalLeg> legs = new ArrayList<>(spread(otherLegs));
            legs.add(leg(LedgerAccounts.MARKETPLACE_FEES, "0.00", "USD"));
            assertThatThrownBy(() -> JournalEntry.requireBalanced("e", legs)).as("%d legs", legs.size())
                    .hasMessageStartingWith("Journal entry e has a zero leg on");
        }
    }

    @Test
    void anEntryThatDoesNotNetToZeroNamesEachCurrencyAndItsSum() {
        assertThatThrownBy(() -> JournalEntry.requireBalanced("e", List.of(
                leg(LedgerAccounts.escrow("k"), "10.00", "USD"),
                leg(LedgerAccounts.clientCharges("c"), "-9.99", "USD"))))
                .hasMessage("Journal entry e does not balance: {USD=0.01}");
        assertThatThrownBy(() -> JournalEntry.requireBalanced("e", List.of(
                leg(LedgerAccounts.escrow("k"), "10.00", "USD"),
                leg(LedgerAccounts.clientCharges("c"), "-10.00", "EUR"))))
                .hasMessage("Journal entry e does not balance: {EUR=-10.00, USD=10.00}");
        List<JournalLeg> many = new ArrayList<>(spread(12));
        many.add(leg(LedgerAccounts.MARKETPLACE_FEES, "0.01", "USD"));
        assertThatThrownBy(() -> JournalEntry.requireBalanced("e", many))
                .hasMessage("Journal entry e does not balance: {USD=0.01}");
    }

    @Test
    void manyLegsThatBalancePass() {
        assertThatCode(() -> JournalEntry.requireBalanced("e", spread(20))).doesNotThrowAnyException();
    }

    /** One client charge spread over {@code escrows} escrow accounts, balanced. */
    private static List<JournalLeg> spread(int escrows) {
        List<JournalLeg> legs = new ArrayList<>();
        legs.add(leg(LedgerAccounts.clientCharges("c"), "-" + escrows + ".00", "USD"));
        for (int escrow = 0; escrow < escrows; escrow++) {
            legs.add(leg(LedgerAccounts.escrow("k" + escrow), "1.00", "USD"));
        }
        return legs;
    }

    private static JournalLeg leg(LedgerAccount account, String amount, String currency) {
        return new JournalLeg(account, new Money(new BigDecimal(amount), currency));
    }
}
