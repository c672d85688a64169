package io.freelance.ledger.common;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The service's one calendar (DESIGN §4): a week runs Monday 00:00 to Sunday 23:59:59 UTC, and a
 * week's time can be changed until the following Monday 12:00 UTC, when it is invoiced. Contracts
 * (weekly limit changes), the Work Diary (locked weeks) and invoices all count weeks with it.
 */
public final class UtcWeek {

    public static final Duration LENGTH = Duration.ofDays(7);
    /** From the start of the next week until the closed week locks: the freelancer's Monday-morning review. */
    public static final Duration REVIEW_AFTER_CLOSE = Duration.ofHours(12);
    /**
     * From the start of the invoicing week (the Monday after the invoiced week) to the last second the client
     * can review the invoice: Friday 23:59:59.
     */
    private static final Duration CLIENT_REVIEW_FROM_MONDAY = Duration.ofDays(5).minusSeconds(1);

    private UtcWeek() {
    }

    /** The Monday of the week {@code instant} lies in. */
    public static LocalDate weekStartDate(Instant instant) {
        return mondayOf(instant.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /** The Monday of the week {@code date} lies in (the date itself on a Monday). */
    public static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Monday 00:00 UTC of the week {@code instant} lies in. */
    public static Instant weekStart(Instant instant) {
        return startOf(weekStartDate(instant));
    }

    /** Monday 00:00 UTC of the week that starts on {@code monday}. */
    public static Instant startOf(LocalDate monday) {
        requireMonday(monday);
        return monday.atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC);
    }

    /** The next Monday 00:00 UTC strictly after {@code instant}. */
    public static Instant nextWeekStart(Instant instant) {
        return weekStart(instant).plus(LENGTH);
    }

    /** When the week starting on {@code monday} locks: the following Monday 12:00 UTC. */
    public static Instant lockedFrom(LocalDate monday) {
        return startOf(monday).plus(LENGTH).plus(REVIEW_AFTER_CLOSE);
    }

    /**
     * When the week starting on {@code monday} is invoiced: the moment it locks, so an invoice bills exactly the
     * time nobody can change any more.
     */
    public static Instant invoicedAt(LocalDate monday) {
        return lockedFrom(monday);
    }

    /**
     * The last second in which the client can review, dispute or approve the invoice of the week starting on
     * {@code monday}: Friday 23:59:59 UTC of the week in which it was invoiced. At this instant the undisputed
     * invoice is paid.
     */
    public static Instant clientReviewEndsAt(LocalDate monday) {
        return startOf(monday).plus(LENGTH).plus(CLIENT_REVIEW_FROM_MONDAY);
    }

    /**
     * The earliest instant whose week can still be changed at {@code now}: the previous week's start
     * until this Monday 12:00, this week's start from then on. Everything before it is locked.
     */
    public static Instant editableFrom(Instant now) {
        Instant thisWeek = weekStart(now);
        return now.isBefore(thisWeek.plus(REVIEW_AFTER_CLOSE)) ? thisWeek.minus(LENGTH) : thisWeek;
    }

    /** The ISO week label of the week starting on {@code monday}, such as {@code 2026-W48}. */
    public static String isoLabel(LocalDate monday) {
        requireMonday(monday);
        return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static void requireMonday(LocalDate date) {
        if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(date + " is not a Monday");
        }
    }
}
