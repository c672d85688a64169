package io.freelance.ledger.query.ledger;

import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ledger's invariants, checked again where entries are applied and balances are read, in
 * minor units and independently of the check {@link JournalEntry} makes when it is built.
 */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void requireBalanced(JournalEntry entry) {
        List<JournalLeg> legs = entry.legs();
        if (legs == null || legs.size() < 2) {
            throw new UnbalancedJournalEntryException("Journal entry " + entry.entryId() + " needs at least two legs");
        }
        Set<String> accounts = new HashSet<>();
        Map<String, Long> sumMinorUnitsByCurrency = new TreeMap<>();
        for (JournalLeg leg : legs) {
            String currency = leg.amount().currency();
            if (!accounts.add(LedgerFields.balanceId(leg.account(), currency))) {
                throw new UnbalancedJournalEntryException("Journal entry " + entry.entryId() + " names account "
                        + leg.account() + " in " + currency + " twice");
            }
            long minorUnits = minorUnitsOf(entry, leg);
            if (minorUnits == 0) {
                throw new UnbalancedJournalEntryException("Journal entry " + entry.entryId() + " has a zero leg on " + leg.account());
            }
            sumMinorUnitsByCurrency.merge(currency, minorUnits, Math::addExact);
        }
        sumMinorUnitsByCurrency.values().removeIf(sum -> sum == 0);
        if (!sumMinorUnitsByCurrency.isEmpty()) {
            throw new UnbalancedJournalEntryException("Journal entry " + entry.entryId()
                    + " does not balance; net minor units per currency: " + sumMinorUnitsByCurrency);
        }
    }

    private static long minorUnitsOf(JournalEntry entry, JournalLeg leg) {
        try {
            return MinorUnits.of(leg.amount());
        } catch (ArithmeticException e) {
            throw new UnbalancedJournalEntryException("Journal entry " + entry.entryId() + " has an amount finer than "
                    + leg.amount().currency() + " allows on " + leg.account());
        }
    }
}
