package io.freelance.ledger.ledger;

import java.math.BigDecimal;

/**
 * The fee percentages in force when an entry was made, recorded on the entry so an audit can tell
 * which rates applied even after the configuration changes.
 */
public record FeeRates(BigDecimal freelancerServiceFeePercent, BigDecimal clientMarketplaceFeePercent) {

    public static final FeeRates UPWORK_DEFAULT = new FeeRates(BigDecimal.TEN, BigDecimal.valueOf(5));
}
