package io.freelance.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void readsWhatIsoInstantWritesExactlyAsInstantParseDoes() {
        Random random = new Random(17);
        for (int sample = 0; sample < 20_000; sample++) {
            long seconds = random.nextLong(-62_000_000_000L, 253_000_000_000L);
            int nanos = switch (sample % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String written = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(seconds, nanos));
            assertThat(IsoInstants.parseOrNull(written)).as(written)
                    .isEqualTo(Instant.parse(written))
                    .isEqualTo(Instant.ofEpochSecond(seconds, nanos));
        }
    }

    @Test
    void fractionsOfAnyLengthUpToNanoseconds() {
        assertThat(IsoInstants.parseOrNull("2026-11-30T14:25:06.1Z")).isEqualTo(Instant.parse("2026-11-30T14:25:06.100Z"));
        assertThat(IsoInstants.parseOrNull("2026-11-30T14:25:06.12345Z")).isEqualTo(Instant.parse("2026-11-30T14:25:06.12345Z"));
        assertThat(IsoInstants.parseOrNull("2028-02-29T23:59:59.999999999Z")).isEqualTo(Instant.parse("2028-02-29T23:59:59.999999999Z"));
    }

    @Test
    void otherShapesAreLeftToTheUsualParser() {
        assertThat(IsoInstants.parseOrNull("2026-11-30T16:25:06.123+02:00")).isNull();
        assertThat(IsoInstants.parseOrNull("2026-11-30T14:25:06.Z")).isNull();
        assertThat(IsoInstants.parseOrNull("2026-11-30T14:25:06.1234567890Z")).isNull();
        assertThat(IsoInstants.parseOrNull("2026-11-30T14:25Z")).isNull();
        assertThat(IsoInstants.parseOrNull("+12026-11-30T14:25:06Z")).isNull();
        assertThat(IsoInstants.parseOrNull("2026-11-30 14:25:06Z")).isNull();
        assertThat(IsoInstants.parseOrNull("2026-11-30T14:25:6xZ")).isNull();
        assertThat(IsoInstants.parse("2026-11-30T16:25:06.123+02:00")).isEqualTo(Instant.parse("2026-11-30T14:25:06.123Z"));
    }

    @Test
    void aTimeOrDateThatDoesNotExistFailsAsInstantParseFails() {
        for (String impossible : new String[] {"2026-02-30T10:00:00Z", "2026-11-30T10:61:00Z", "2026-13-01T10:00:00Z"}) {
            assertThat(IsoInstants.parseOrNull(impossible)).as(impossible).isNull();
            assertThatThrownBy(() -> IsoInstants.parse(impossible)).as(impossible).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void theEndOfADayAndALeapSecondAreLeftToInstantParse() {
        for (String unusual : new String[] {"2026-11-30T24:00:00Z", "2026-12-31T23:59:60Z"}) {
            assertThat(IsoInstants.parseOrNull(unusual)).as(unusual).isNull();
            assertThat(IsoInstants.parse(unusual)).as(unusual).isEqualTo(Instant.parse(unusual));
        }
    }
}
