package io.freelance.ledger.diary;

import java.util.List;

/** Keyboard and mouse events the tracker counted in one minute of a cell. */
public record MinuteActivity(int keyboard, int mouse) {

    /** More than a person can produce in a minute; a higher count is a broken or forged tracker. */
    public static final int MAXIMUM_EVENTS_PER_MINUTE = 10_000;

    public boolean hasInput() {
        return keyboard > 0 || mouse > 0;
    }

    /** The cell's activity level: how many of its minutes had any input, 0 to 10. */
    public static int activityLevel(List<MinuteActivity> minutes) {
        return (int) minutes.stream().filter(MinuteActivity::hasInput).count();
    }

    /** Upwork's {@code keyboardEventsCount}: the cell's keyboard events. */
    public static int keyboardEvents(List<MinuteActivity> minutes) {
        return minutes.stream().mapToInt(MinuteActivity::keyboard).sum();
    }

    /** Upwork's {@code mouseEventsCount}: the cell's mouse events. */
    public static int mouseEvents(List<MinuteActivity> minutes) {
        return minutes.stream().mapToInt(MinuteActivity::mouse).sum();
    }
}
