package io.freelance.ledger.ledger;

import io.freelance.ledger.common.Money;
import java.math.BigDecimal;

/**
 * The fee percentages in force when an entry was made, recorded on the entry so an audit can tell
 * which rates applied even after the configuration changes.
 */
public record FeeRates(BigDecimal freelancerServiceFeePercent, BigDecimal clientMarketplaceFeePercent) {

    public static final FeeRates UPWORK_DEFAULT = new FeeRates(BigDecimal.TEN, BigDecimal.valueOf(5));

    /** Paid by the client on top of {@code charge}, rounded half-up to the cent (DESIGN §4 fees). */
    public Money marketplaceFeeOn(Money charge) {
        return charge.percent(clientMarketplaceFeePercent);
    }

    /** Kept from {@code payment} to the freelancer, rounded half-up to the cent. */
    public Money serviceFeeOn(Money payment) {
        return payment.percent(freelancerServiceFeePercent);
    }
}
