package io.freelance.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An amount is written one way only, wherever it enters: {@code -?[0-9]+(\.[0-9]{1,2})?}. */
class MoneyAmountFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "5", "105.00", "105.5", "-10.00", "007.10", "12345678901234567890"})
    void digitsWithAnOptionalPointAndOneOrTwoDecimalsAreRead(String text) {
        assertThat(Money.readAmount("amount", text)).isEqualByComparingTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E3", " 10", "10 ", "+10", "10.", ".5", "1.234", "1,000.00", "0x10", "NaN",
            "Infinity", "", "-", "10.0.0", "\u0661\u0660", "1_000"})
    void anythingElseBreaksTheFormatRule(String text) {
        assertThatThrownBy(() -> Money.readAmount("milestones[0].depositAmount.amount", text))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.error().field()).isEqualTo("milestones[0].depositAmount.amount");
                    assertThat(violation.error().rule()).isEqualTo("amount.format");
                    assertThat(violation.error().category()).isEqualTo(ErrorCategory.BAD_REQUEST);
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {31, 10_000})
    void overlongTextIsRefusedBeforeItIsParsed(int digits) {
        assertThatThrownBy(() -> Money.readAmount("amount", "1".repeat(digits)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.getMessage())
                        .contains("at most 30 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "USDX", "U\u0000D", "\u001b[31m"})
    void aCurrencyThatIsNotThreeLettersIsUnknownAndNotEchoed(String currency) {
        assertThatThrownBy(() -> Money.knownCurrency("currency", currency))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.error().rule()).isEqualTo("currency.unknown");
                    assertThat(violation.getMessage()).doesNotContain(currency);
                });
    }
}
