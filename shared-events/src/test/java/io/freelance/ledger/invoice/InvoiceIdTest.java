package io.freelance.ledger.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceIdTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void oneInvoicePerContractWeekNamedByBoth() {
        assertThat(InvoiceId.forWeek("c42", MONDAY)).isEqualTo("invoice-c42.2026-W48");
        assertThat(InvoiceId.isInvoiceId("invoice-c42.2026-W48")).isTrue();
        assertThat(InvoiceId.isInvoiceId("c42")).isFalse();
    }

    @Test
    void theNumberIsShortReadableAndTheSameEveryTime() {
        String number = InvoiceId.number("5b3e0c8a-3f0e-3d51-9a55-2f8b61c0e7d4", MONDAY);

        assertThat(number).matches("INV-2026-W48-[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(InvoiceId.number("5b3e0c8a-3f0e-3d51-9a55-2f8b61c0e7d4", MONDAY)).isEqualTo(number);
        assertThat(InvoiceId.number("5b3e0c8a-3f0e-3d51-9a55-2f8b61c0e7d5", MONDAY)).isNotEqualTo(number);
        assertThat(InvoiceId.number("5b3e0c8a-3f0e-3d51-9a55-2f8b61c0e7d4", MONDAY.plusWeeks(1)))
                .startsWith("INV-2026-W49-").endsWith(number.substring(number.length() - 10));
    }
}
