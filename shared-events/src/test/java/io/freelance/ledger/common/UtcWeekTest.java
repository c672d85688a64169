package io.freelance.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UtcWeekTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void aWeekRunsFromMondayMidnightToSundayNight() {
        assertThat(UtcWeek.weekStartDate(Instant.parse("2026-11-23T00:00:00Z"))).isEqualTo(MONDAY);
        assertThat(UtcWeek.weekStartDate(Instant.parse("2026-11-29T23:59:59Z"))).isEqualTo(MONDAY);
        assertThat(UtcWeek.weekStartDate(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo(MONDAY.plusWeeks(1));
    }

    @Test
    void aWeekLocksTheFollowingMondayAtNoon() {
        assertThat(UtcWeek.lockedFrom(MONDAY)).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    }

    @Test
    void aWeekIsInvoicedWhenItLocksAndItsClientReviewsItUntilFridayNight() {
        assertThat(UtcWeek.invoicedAt(MONDAY)).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(UtcWeek.clientReviewEndsAt(MONDAY)).isEqualTo(Instant.parse("2026-12-04T23:59:59Z"));
        // Across a year boundary the calendar counts days, not labels.
        assertThat(UtcWeek.clientReviewEndsAt(LocalDate.of(2026, 12, 28))).isEqualTo(Instant.parse("2027-01-08T23:59:59Z"));
    }

    @Test
    void thePreviousWeekStaysEditableUntilMondayNoon() {
        assertThat(UtcWeek.editableFrom(Instant.parse("2026-11-30T11:59:59Z"))).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(UtcWeek.editableFrom(Instant.parse("2026-11-30T12:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void weeksAreLabelledAsIsoWeeks() {
        assertThat(UtcWeek.isoLabel(MONDAY)).isEqualTo("2026-W48");
        // 2026-12-28 is in the last ISO week of 2026; 2027-01-04 starts week 1 of 2027.
        assertThat(UtcWeek.isoLabel(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(UtcWeek.isoLabel(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
        // The ISO year, not the calendar year: this Monday of December 2025 starts week 1 of 2026.
        assertThat(UtcWeek.isoLabel(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
    }
}
