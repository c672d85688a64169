package io.freelance.ledger.standalone;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the API sends them: exact decimal strings with cents, never binary floating point. */
final class Amounts {

    private Amounts() {
    }

    /** The amount to the cent; fails if the API sent sub-cent digits, which no ledger amount may have. */
    static BigDecimal exact(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }
}
