package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.ledger.FeeRates;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.escrow.*}: the numbers of fixed-price protection, Upwork's by default. Checked when
 * the policy is built, so a bad setting stops the service at start-up instead of at the first payment.
 */
@ConfigurationProperties("ledger.escrow")
public record EscrowPolicyProperties(
        Duration autoReleaseAfter,
        Duration refundDisputeWindow,
        Duration securityPeriod,
        BigDecimal serviceFeePercent,
        BigDecimal marketplaceFeePercent,
        BigDecimal minimumMilestoneAmount,
        BigDecimal maximumMilestoneAmount) {

    public EscrowPolicy toPolicy() {
        EscrowPolicy defaults = EscrowPolicy.defaults();
        FeeRates defaultRates = defaults.feeRates();
        return new EscrowPolicy(
                orDefault(autoReleaseAfter, defaults.autoReleaseAfter()),
                orDefault(refundDisputeWindow, defaults.refundDisputeWindow()),
                orDefault(securityPeriod, defaults.securityPeriod()),
                new FeeRates(orDefault(serviceFeePercent, defaultRates.freelancerServiceFeePercent()),
                        orDefault(marketplaceFeePercent, defaultRates.clientMarketplaceFeePercent())),
                orDefault(minimumMilestoneAmount, defaults.minimumMilestoneAmount()),
                orDefault(maximumMilestoneAmount, defaults.maximumMilestoneAmount()));
    }

    private static <T> T orDefault(T configured, T fallback) {
        return configured != null ? configured : fallback;
    }
}
