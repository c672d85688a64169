package io.freelance.ledger.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Activity level: the minutes of a cell with any keyboard or mouse input. */
class MinuteActivityTest {

    private static final MinuteActivity IDLE = new MinuteActivity(0, 0);

    @Test
    void aCellWithoutInputHasLevelZero() {
        assertThat(MinuteActivity.activityLevel(Collections.nCopies(10, IDLE))).isZero();
    }

    @Test
    void everyMinuteWithInputCountsOnceHoweverMuchInputItHad() {
        List<MinuteActivity> minutes = new ArrayList<>(Collections.nCopies(6, IDLE));
        minutes.addAll(List.of(new MinuteActivity(1, 0), new MinuteActivity(0, 1), new MinuteActivity(10_000, 10_000),
                new MinuteActivity(40, 3)));
        assertThat(MinuteActivity.activityLevel(minutes)).isEqualTo(4);
        assertThat(MinuteActivity.keyboardEvents(minutes)).isEqualTo(10_041);
        assertThat(MinuteActivity.mouseEvents(minutes)).isEqualTo(10_004);
    }

    @Test
    void aFullyActiveCellHasLevelTen() {
        assertThat(MinuteActivity.activityLevel(Collections.nCopies(10, new MinuteActivity(0, 2)))).isEqualTo(10);
    }
}
