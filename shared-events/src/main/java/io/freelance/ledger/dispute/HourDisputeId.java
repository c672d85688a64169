package io.freelance.ledger.dispute;

import io.freelance.ledger.common.UtcWeek;
import java.time.LocalDate;

/**
 * The id of the dispute over a weekly invoice's hours, such as {@code hour-dispute-c42.2026-W48}. An invoice
 * can be disputed once, so the id derives from the contract and week: a retried dispute names the same one.
 */
public final class HourDisputeId {

    private static final String PREFIX = "hour-dispute-";

    private HourDisputeId() {
    }

    public static String forWeek(String contractId, LocalDate monday) {
        return PREFIX + contractId + "." + UtcWeek.isoLabel(monday);
    }
}
