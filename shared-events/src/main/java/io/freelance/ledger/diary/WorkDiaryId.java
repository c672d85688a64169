package io.freelance.ledger.diary;

import io.freelance.ledger.common.UtcWeek;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The id of a contract's Work Diary for one week, such as {@code diary-c42.2026-W48}: readable in the
 * event history, computable by anyone who knows the contract and a cell's time, and made only of the
 * characters safe ids use. One diary per contract-week keeps each event stream short (at most 1,008
 * cells). The week label holds no '.', so the id names exactly one contract and week.
 */
public final class WorkDiaryId {

    private static final String PREFIX = "diary-";
    /**
     * Where a command goes that names no contract or no usable cell time: its handler refuses it before
     * anything is recorded, so no diary with this id ever exists.
     */
    public static final String UNADDRESSED = PREFIX + "unaddressed";

    private WorkDiaryId() {
    }

    public static String forWeek(String contractId, LocalDate monday) {
        return PREFIX + contractId + "." + UtcWeek.isoLabel(monday);
    }

    /** The diary of the week {@code cellDateTime} lies in, or {@link #UNADDRESSED}. */
    public static String forCell(String contractId, Instant cellDateTime) {
        if (contractId == null || cellDateTime == null) {
            return UNADDRESSED;
        }
        try {
            return forWeek(contractId, UtcWeek.weekStartDate(cellDateTime));
        } catch (DateTimeException outsideTheCalendar) {
            return UNADDRESSED;
        }
    }
}
