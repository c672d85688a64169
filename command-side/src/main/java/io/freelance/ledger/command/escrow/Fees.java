package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.FeeRates;

/** The two marketplace fees, each rounded half-up to the cent per transaction. */
final class Fees {

    private Fees() {
    }

    /** Paid by the client on top of every charge. */
    static Money marketplaceFeeOn(Money charge, FeeRates rates) {
        return charge.percent(rates.clientMarketplaceFeePercent());
    }

    /** Kept from every payment to the freelancer. */
    static Money serviceFeeOn(Money payment, FeeRates rates) {
        return payment.percent(rates.freelancerServiceFeePercent());
    }
}
