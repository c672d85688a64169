package io.freelance.ledger.ledger;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.NameBasedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One balanced double-entry movement of money. Constructing an unbalanced entry fails, so no event
 * can carry one; the ledger projection checks the same invariant again when it applies the entry.
 */
public record JournalEntry(String entryId, Instant effectiveAt, EntryCause cause, FeeRates feeRates, List<JournalLeg> legs) {

    public JournalEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(cause, "cause");
        legs = List.copyOf(legs);
        requireBalanced(entryId, legs);
    }

    /**
     * A stable id from what caused the entry, so a retried command or a replay produces the same id
     * and the ledger can ignore the repeat.
     */
    public static String deterministicId(String... causeParts) {
        return NameBasedId.of(causeParts);
    }

    /** Sum of legs per currency; empty when every currency nets to zero. */
    public static Map<String, BigDecimal> imbalance(List<JournalLeg> legs) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (JournalLeg leg : legs) {
            sums.merge(leg.amount().currency(), leg.amount().amount(), BigDecimal::add);
        }
        sums.values().removeIf(sum -> sum.signum() == 0);
        return sums;
    }

    /**
     * At least two non-zero legs, no account twice, every currency nets to zero; otherwise an
     * IllegalArgumentException naming the entry and what is wrong.
     * <p>
     * Entries of a few legs in one currency, nearly all of them, are checked without building a set or a map:
     * every entry is checked where it is built and again where it is applied, which an audit replay does for
     * a million entries and more.
     */
    public static void requireBalanced(String entryId, List<JournalLeg> legs) {
        if (legs.size() < 2) {
            throw new IllegalArgumentException("Journal entry " + entryId + " needs at least two legs");
        }
        if (legs.size() <= FEW_LEGS) {
            requireDistinctNonZeroFewLegs(entryId, legs);
        } else {
            requireDistinctNonZeroLegs(entryId, legs);
        }
        if (!netsToZeroInOneCurrency(legs)) {
            Map<String, BigDecimal> imbalance = imbalance(legs);
            if (!imbalance.isEmpty()) {
                throw new IllegalArgumentException("Journal entry " + entryId + " does not balance: " + imbalance);
            }
        }
    }

    /** Up to this many legs, pairs are compared directly rather than through a set. */
    private static final int FEW_LEGS = 8;

    private static void requireDistinctNonZeroFewLegs(String entryId, List<JournalLeg> legs) {
        for (int index = 0; index < legs.size(); index++) {
            JournalLeg leg = legs.get(index);
            for (int earlier = 0; earlier < index; earlier++) {
                if (sameBalance(legs.get(earlier), leg)) {
                    throw namedTwice(entryId, leg);
                }
            }
            if (leg.amount().isZero()) {
                throw zeroLeg(entryId, leg);
            }
        }
    }

    /** False for an entry in several currencies, which the per-currency sums then decide. */
    private static boolean netsToZeroInOneCurrency(List<JournalLeg> legs) {
        String currency = legs.get(0).amount().currency();
        BigDecimal sum = BigDecimal.ZERO;
        for (JournalLeg leg : legs) {
            if (!leg.amount().currency().equals(currency)) {
                return false;
            }
            sum = sum.add(leg.amount().amount());
        }
        return sum.signum() == 0;
    }

    private static void requireDistinctNonZeroLegs(String entryId, List<JournalLeg> legs) {
        Set<String> accounts = new HashSet<>();
        for (JournalLeg leg : legs) {
            if (!accounts.add(leg.account().name() + "/" + leg.amount().currency())) {
                throw namedTwice(entryId, leg);
            }
            if (leg.amount().isZero()) {
                throw zeroLeg(entryId, leg);
            }
        }
    }

    private static boolean sameBalance(JournalLeg one, JournalLeg other) {
        return one.account().name().equals(other.account().name()) && one.amount().currency().equals(other.amount().currency());
    }

    private static IllegalArgumentException namedTwice(String entryId, JournalLeg leg) {
        return new IllegalArgumentException("Journal entry " + entryId + " names account " + leg.account() + " twice");
    }

    private static IllegalArgumentException zeroLeg(String entryId, JournalLeg leg) {
        return new IllegalArgumentException("Journal entry " + entryId + " has a zero leg on " + leg.account());
    }

    /** The leg on {@code account}, or a zero amount when the entry does not touch it. */
    public Money amountOn(LedgerAccount account, String currency) {
        return legs.stream()
                .filter(leg -> leg.account().equals(account) && leg.amount().currency().equals(currency))
                .map(JournalLeg::amount)
                .findFirst()
                .orElse(Money.zero(currency));
    }
}
