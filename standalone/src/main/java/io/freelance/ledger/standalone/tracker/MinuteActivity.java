package io.freelance.ledger.standalone.tracker;

import java.util.Map;

/** One minute of a cell as the tracker counted it. */
public record MinuteActivity(int keyboard, int mouse) {

    public boolean active() {
        return keyboard > 0 || mouse > 0;
    }

    Map<String, Object> asInput() {
        return Map.of("keyboard", keyboard, "mouse", mouse);
    }
}
