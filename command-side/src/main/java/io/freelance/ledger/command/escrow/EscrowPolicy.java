package io.freelance.ledger.command.escrow;

import io.freelance.ledger.ledger.FeeRates;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The configurable numbers of fixed-price protection. {@code maximumMilestoneAmount} bounds every amount a
 * client commits in one step (a deposit, a release, a bonus, an hourly rate), so a typing error or a
 * probe with twenty digits cannot become a charge. Handlers receive it as a parameter (a Spring
 * bean in the apps, an injectable resource in tests), so a rate change needs no code change and every
 * journal entry records the rates that applied.
 */
public record EscrowPolicy(
        Duration autoReleaseAfter,
        Duration refundDisputeWindow,
        Duration securityPeriod,
        FeeRates feeRates,
        BigDecimal minimumMilestoneAmount,
        BigDecimal maximumMilestoneAmount) {

    private static final BigDecimal HUNDRED_PERCENT = BigDecimal.valueOf(100);

    public EscrowPolicy {
        requirePositive(autoReleaseAfter, "autoReleaseAfter");
        requirePositive(refundDisputeWindow, "refundDisputeWindow");
        requirePositive(securityPeriod, "securityPeriod");
        Objects.requireNonNull(feeRates, "feeRates");
        requirePercent(feeRates.freelancerServiceFeePercent(), "freelancerServiceFeePercent");
        requirePercent(feeRates.clientMarketplaceFeePercent(), "clientMarketplaceFeePercent");
        Objects.requireNonNull(minimumMilestoneAmount, "minimumMilestoneAmount");
        if (minimumMilestoneAmount.signum() <= 0) {
            throw new IllegalArgumentException("minimumMilestoneAmount must be positive");
        }
        Objects.requireNonNull(maximumMilestoneAmount, "maximumMilestoneAmount");
        if (maximumMilestoneAmount.compareTo(minimumMilestoneAmount) < 0) {
            throw new IllegalArgumentException("maximumMilestoneAmount must be at least minimumMilestoneAmount");
        }
    }

    /** Upwork's published numbers, and an upper bound on any one amount that no real milestone reaches. */
    public static EscrowPolicy defaults() {
        return new EscrowPolicy(Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(5),
                FeeRates.UPWORK_DEFAULT, new BigDecimal("5.00"), new BigDecimal("1000000.00"));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requirePercent(BigDecimal percent, String name) {
        Objects.requireNonNull(percent, name);
        if (percent.signum() < 0 || percent.compareTo(HUNDRED_PERCENT) >= 0) {
            throw new IllegalArgumentException(name + " must be at least 0 and below 100");
        }
    }
}
