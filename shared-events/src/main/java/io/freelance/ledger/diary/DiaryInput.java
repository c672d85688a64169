package io.freelance.ledger.diary;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a Work Diary segment must look like, with its limits, in one place for both sides: the API
 * refuses bad input before it sends a command, and the diary refuses it again for any other sender.
 * Rule names follow {@link TextInput}: the field's last segment, then the rule.
 */
public final class DiaryInput {

    public static final Duration CELL_LENGTH = Duration.ofMinutes(10);
    public static final int MINUTES_PER_CELL = 10;
    /** 7 days × 24 hours × 6 cells: the most one week's diary can hold. */
    public static final int CELLS_PER_WEEK = 1_008;
    /** A memo says what the freelancer worked on: a line or two. */
    public static final int MEMO_MAX_LENGTH = 500;
    public static final int ACTIVITY_LABEL_MAX_LENGTH = 100;
    /** Window titles are the tracker's, not typed, and browsers make them long; the tracker shortens longer ones. */
    public static final int ACTIVE_WINDOW_TITLE_MAX_LENGTH = 500;

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private DiaryInput() {
    }

    /** A cell's start: required, and on a 10-minute boundary of the UTC clock (:00, :10, … with no seconds). */
    public static Instant cellStart(String field, Instant value) {
        if (value == null) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".required", "A cell start time is required.");
        }
        if (!isCellStart(value)) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".aligned", ("%s does not start a cell: "
                    + "cells start every 10 minutes on the UTC clock (:00, :10, … :50) with no seconds.").formatted(value));
        }
        return value;
    }

    public static boolean isCellStart(Instant value) {
        return value.getNano() == 0 && Math.floorMod(value.getEpochSecond(), CELL_LENGTH.toSeconds()) == 0;
    }

    /** The cells from {@code from} up to, not including, {@code to}. */
    public static List<Instant> cellsBetween(Instant from, Instant to) {
        List<Instant> cells = new ArrayList<>();
        for (Instant cell = from; cell.isBefore(to); cell = cell.plus(CELL_LENGTH)) {
            cells.add(cell);
        }
        return cells;
    }

    /** Exactly ten minutes, each with counts from 0 to {@value MinuteActivity#MAXIMUM_EVENTS_PER_MINUTE}. */
    public static List<MinuteActivity> minutes(String field, List<MinuteActivity> minutes) {
        if (minutes == null || minutes.size() != MINUTES_PER_CELL) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".size",
                    "A tracked segment has keyboard and mouse counts for each of its %d minutes; %s given."
                            .formatted(MINUTES_PER_CELL, minutes == null ? "none were" : minutes.size() + " were"));
        }
        for (int index = 0; index < minutes.size(); index++) {
            String minuteField = "%s[%d]".formatted(field, index);
            MinuteActivity minute = minutes.get(index);
            if (minute == null) {
                throw RuleViolation.badRequest(minuteField, TextInput.ruleSubject(minuteField) + ".required",
                        "Minute %d has no counts.".formatted(index + 1));
            }
            requireCount(minuteField + ".keyboard", minute.keyboard(), index);
            requireCount(minuteField + ".mouse", minute.mouse(), index);
        }
        return List.copyOf(minutes);
    }

    public static String memo(String field, String memo) {
        return TextInput.required(field, memo, MEMO_MAX_LENGTH, "A memo");
    }

    public static String activityLabel(String field, String label) {
        return TextInput.optional(field, label, ACTIVITY_LABEL_MAX_LENGTH, "The activity label");
    }

    public static String activeWindowTitle(String field, String title) {
        return TextInput.optional(field, title, ACTIVE_WINDOW_TITLE_MAX_LENGTH, "The active window title");
    }

    /** Null when the segment has no screenshot; otherwise a SHA-256 in hex, returned in lower case. */
    public static String screenshotHash(String field, String hash) {
        if (hash == null) {
            return null;
        }
        if (!SHA_256_HEX.matcher(hash).matches()) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".format",
                    "A screenshot is named by the SHA-256 of its content: 64 hexadecimal digits.");
        }
        return hash.toLowerCase(Locale.ROOT);
    }

    private static void requireCount(String field, int count, int minuteIndex) {
        if (count < 0 || count > MinuteActivity.MAXIMUM_EVENTS_PER_MINUTE) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".range",
                    "Minute %d has %d %s events; a minute has from 0 to %d.".formatted(minuteIndex + 1, count,
                            TextInput.ruleSubject(field), MinuteActivity.MAXIMUM_EVENTS_PER_MINUTE));
        }
    }
}
