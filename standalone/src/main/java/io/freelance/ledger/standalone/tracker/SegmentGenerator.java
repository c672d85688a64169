package io.freelance.ledger.standalone.tracker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible tracker cells from a seeded random source, so a run can be repeated: busy minutes of typing
 * and pointing, some idle minutes (a call, reading), and now and then a wholly idle cell, which the diary
 * shows unprotected for low activity.
 */
final class SegmentGenerator {

    private static final double IDLE_CELL_CHANCE = 0.08;
    private static final double IDLE_MINUTE_CHANCE = 0.15;
    private static final double READING_MINUTE_CHANCE = 0.2;
    private static final List<String> MEMOS = List.of("Checkout flow", "Fixing the login redirect", "Code review",
            "Payment webhook retries", "Writing tests for invoices", "Refactoring the cart", "Sprint planning call",
            "Reading the API docs", "Performance tuning of search", "Release notes");
    private static final List<Activity> ACTIVITIES = List.of(
            new Activity("Coding", "IntelliJ IDEA - shop-backend"),
            new Activity("Coding", "Visual Studio Code - storefront"),
            new Activity("Browsing", "Firefox - API reference"),
            new Activity("Communication", "Slack - #project"),
            new Activity("Design", "Figma - checkout mock-ups"),
            new Activity("Terminal", "bash - deploy staging"));

    private final Random random;

    SegmentGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A segment without a screenshot yet: the screenshot is drawn for it and uploaded first. */
    Segment next(String contractId, Instant cell) {
        Activity activity = ACTIVITIES.get(random.nextInt(ACTIVITIES.size()));
        String memo = MEMOS.get(random.nextInt(MEMOS.size()));
        return new Segment(contractId, cell, minutes(), memo, activity.label(), activity.windowTitle(), null);
    }

    private List<MinuteActivity> minutes() {
        boolean idleCell = random.nextDouble() < IDLE_CELL_CHANCE;
        List<MinuteActivity> minutes = new ArrayList<>(10);
        for (int minute = 0; minute < 10; minute++) {
            minutes.add(idleCell ? new MinuteActivity(0, 0) : minute());
        }
        return minutes;
    }

    private MinuteActivity minute() {
        double roll = random.nextDouble();
        if (roll < IDLE_MINUTE_CHANCE) {
            return new MinuteActivity(0, 0);
        }
        int mouse = 5 + random.nextInt(60);
        if (roll < IDLE_MINUTE_CHANCE + READING_MINUTE_CHANCE) {
            return new MinuteActivity(0, mouse);
        }
        return new MinuteActivity(20 + random.nextInt(120), mouse);
    }

    private record Activity(String label, String windowTitle) {
    }
}
