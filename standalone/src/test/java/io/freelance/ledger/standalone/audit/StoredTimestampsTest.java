package io.freelance.ledger.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredTimestampsTest {

    @Test
    void readsEveryTimestampAxonWritesBackToTheSameInstant() {
        Random random = new Random(30);
        for (int sample = 0; sample < 20_000; sample++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(1_000) * 1_000_000L);
            String stored = DateTimeUtils.formatInstant(instant);

            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(instant).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void readsTheLastMillisecondOfADayAndOfALeapYear() {
        assertThat(StoredTimestamps.parse("2028-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2028-02-29T23:59:59.999Z"));
    }

    @Test
    void textInAnotherShapeIsReadAsTheEventStoreReadsIt() {
        assertThat(StoredTimestamps.parse("2026-11-30T16:25:06.123+02:00")).isEqualTo(Instant.parse("2026-11-30T14:25:06.123Z"));
        assertThat(StoredTimestamps.parse("2026-11-30T14:25:06Z")).isEqualTo(Instant.parse("2026-11-30T14:25:06Z"));
    }

    @Test
    void aDateNotInTheCalendarOrATimeOutOfRangeIsRefusedAsTheEventStoreRefusesIt() {
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-02-30T10:00:00.000Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-11-30T24:00:00.000Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-11-30T10:61:00.000Z")).isInstanceOf(DateTimeException.class);
    }
}
