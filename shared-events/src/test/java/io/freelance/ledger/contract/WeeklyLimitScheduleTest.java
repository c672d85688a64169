package io.freelance.ledger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which weekly limit holds when: increases at once, decreases from the next Monday, the last word winning. */
class WeeklyLimitScheduleTest {

    private static final LocalDate WEEK = LocalDate.of(2026, 11, 23);
    private static final LocalDate NEXT_WEEK = WEEK.plusWeeks(1);
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T15:00:00Z");
    private static final Instant THURSDAY = Instant.parse("2026-11-26T09:00:00Z");
    private static final Instant NEXT_MONDAY = Instant.parse("2026-11-30T00:00:00Z");

    private final WeeklyLimitSchedule offered = WeeklyLimitSchedule.offered(20);

    @Test
    void anIncreaseAppliesAtOnceAndToTheWholeWeek() {
        assertThat(offered.effectiveFromForChange(30, WEDNESDAY)).isEqualTo(WEDNESDAY);
        WeeklyLimitSchedule raised = offered.with(changed(20, 30, WEDNESDAY));

        assertThat(raised.limitAt(WEDNESDAY.minusSeconds(1))).isEqualTo(20);
        assertThat(raised.limitAt(WEDNESDAY)).isEqualTo(30);
        assertThat(raised.limitForWeek(WEEK)).isEqualTo(30);
    }

    @Test
    void removingTheLimitIsAnIncrease() {
        assertThat(offered.effectiveFromForChange(null, WEDNESDAY)).isEqualTo(WEDNESDAY);
        assertThat(offered.with(changed(20, null, WEDNESDAY)).limitForWeek(WEEK)).isNull();
    }

    @Test
    void aDecreaseAppliesFromTheNextMonday() {
        assertThat(offered.effectiveFromForChange(10, WEDNESDAY)).isEqualTo(NEXT_MONDAY);
        WeeklyLimitSchedule lowered = offered.with(changed(20, 10, NEXT_MONDAY));

        assertThat(lowered.limitForWeek(WEEK)).isEqualTo(20);
        assertThat(lowered.limitAt(NEXT_MONDAY.minusNanos(1))).isEqualTo(20);
        assertThat(lowered.limitAt(NEXT_MONDAY)).isEqualTo(10);
        assertThat(lowered.limitForWeek(NEXT_WEEK)).isEqualTo(10);
    }

    @Test
    void settingALimitWhereThereWasNoneIsADecrease() {
        assertThat(WeeklyLimitSchedule.offered(null).effectiveFromForChange(40, WEDNESDAY)).isEqualTo(NEXT_MONDAY);
    }

    @Test
    void aDecreaseAskedForOnMondayAtMidnightWaitsForTheMondayAfter() {
        assertThat(offered.effectiveFromForChange(10, NEXT_MONDAY)).isEqualTo(NEXT_MONDAY.plusSeconds(7 * 24 * 3600));
    }

    @Test
    void askingAgainForTheCurrentLimitCancelsAPendingDecrease() {
        WeeklyLimitSchedule lowered = offered.with(changed(20, 10, NEXT_MONDAY));
        assertThat(lowered.alreadyRequested(20)).isFalse();
        assertThat(lowered.effectiveFromForChange(20, THURSDAY)).isEqualTo(THURSDAY);

        WeeklyLimitSchedule restored = lowered.with(changed(10, 20, THURSDAY));

        assertThat(restored.limitForWeek(NEXT_WEEK)).isEqualTo(20);
    }

    @Test
    void aSecondDecreaseReplacesThePendingOne() {
        WeeklyLimitSchedule lowered = offered.with(changed(20, 10, NEXT_MONDAY)).with(changed(10, 15, NEXT_MONDAY));
        assertThat(lowered.limitForWeek(WEEK)).isEqualTo(20);
        assertThat(lowered.limitForWeek(NEXT_WEEK)).isEqualTo(15);
    }

    @Test
    void theLimitLastAskedForIsAlreadyRequested() {
        assertThat(offered.alreadyRequested(20)).isTrue();
        assertThat(offered.with(changed(20, 10, NEXT_MONDAY)).alreadyRequested(10)).isTrue();
    }

    private static WeeklyLimitChangedEvent changed(Integer from, Integer to, Instant effectiveFrom) {
        return new WeeklyLimitChangedEvent("c-1", from, to, effectiveFrom, WEDNESDAY);
    }
}
