package io.freelance.ledger.standalone.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the event table's {@code TIME_STAMP} text. Axon writes every timestamp in one fixed shape,
 * {@code 2026-11-30T14:25:06.123Z} ({@link DateTimeUtils#formatInstant}); that shape is read digit by digit,
 * because a full replay reads a million of them and {@code DateTimeFormatter} was a third of the audit
 * readers' time. Any other text is read by Axon's own parser, exactly as the event store reads it.
 */
final class StoredTimestamps {

    private static final String SHAPE = "0000-00-00T00:00:00.000Z";
    private static final long SECONDS_PER_DAY = 86_400;

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        if (text.length() == SHAPE.length() && hasShape(text)) {
            try {
                int hour = number(text, 11, 2);
                int minute = number(text, 14, 2);
                int second = number(text, 17, 2);
                if (hour < 24 && minute < 60 && second < 60) {
                    long day = LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)).toEpochDay();
                    return Instant.ofEpochSecond(day * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second,
                            number(text, 20, 3) * 1_000_000L);
                }
            } catch (DateTimeException notACalendarDate) {
                // read below, where the store's parser refuses it with its own message
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    private static boolean hasShape(String text) {
        for (int position = 0; position < SHAPE.length(); position++) {
            char expected = SHAPE.charAt(position);
            char actual = text.charAt(position);
            if (expected == '0' ? actual < '0' || actual > '9' : actual != expected) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int digits) {
        int value = 0;
        for (int position = from; position < from + digits; position++) {
            value = value * 10 + (text.charAt(position) - '0');
        }
        return value;
    }
}
