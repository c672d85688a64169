package io.freelance.ledger.standalone.audit;

import io.freelance.ledger.common.IsoInstants;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the event table's {@code TIME_STAMP} text. Axon writes every timestamp in one fixed shape,
 * {@code 2026-11-30T14:25:06.123Z} ({@link DateTimeUtils#formatInstant}), which {@link IsoInstants} reads digit
 * by digit, because a full replay reads a million of them and {@code DateTimeFormatter} was a third of the
 * audit readers' time. Any other text is read by Axon's own parser, exactly as the event store reads it.
 */
final class StoredTimestamps {

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        Instant instant = IsoInstants.parseOrNull(text);
        return instant != null ? instant : DateTimeUtils.parseInstant(text);
    }
}
