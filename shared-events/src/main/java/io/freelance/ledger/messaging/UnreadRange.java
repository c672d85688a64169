package io.freelance.ledger.messaging;

import java.util.Optional;

/** Messages {@code fromSequence} to {@code toSequence} (both included) of one room, as an email covers them. */
public record UnreadRange(String roomId, long fromSequence, long toSequence) {

    public UnreadRange {
        if (fromSequence < 1 || toSequence < fromSequence) {
            throw new IllegalArgumentException("A range of room " + roomId + " runs from sequence 1 or later forward; got "
                    + fromSequence + ".." + toSequence);
        }
    }

    /** What is left of the range after sequence {@code emailedUpTo}; empty when it was all emailed. */
    public Optional<UnreadRange> after(long emailedUpTo) {
        return toSequence <= emailedUpTo
                ? Optional.empty()
                : Optional.of(new UnreadRange(roomId, Math.max(fromSequence, emailedUpTo + 1), toSequence));
    }

    public boolean covers(long sequence) {
        return sequence >= fromSequence && sequence <= toSequence;
    }

    @Override
    public String toString() {
        return roomId + ":" + fromSequence + "-" + toSequence;
    }
}
