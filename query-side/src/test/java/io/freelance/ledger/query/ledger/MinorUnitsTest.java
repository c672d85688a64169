package io.freelance.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Money;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void amountsAreTheirMinorUnitsInEveryCurrencyAndBackAgain() {
        assertThat(MinorUnits.of(Money.of("10.05", "USD"))).isEqualTo(1_005);
        assertThat(MinorUnits.of(Money.of("-0.01", "EUR"))).isEqualTo(-1);
        assertThat(MinorUnits.of(new Money(new BigDecimal("500"), "JPY"))).isEqualTo(500);
        assertThat(MinorUnits.of(new Money(new BigDecimal("1.234"), "BHD"))).isEqualTo(1_234);
        Random random = new Random(7);
        for (int sample = 0; sample < 1_000; sample++) {
            long minorUnits = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            for (String currency : new String[] {"USD", "JPY", "BHD"}) {
                assertThat(MinorUnits.of(MinorUnits.toMoney(minorUnits, currency))).isEqualTo(minorUnits);
            }
        }
    }
}
