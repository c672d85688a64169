package io.freelance.ledger.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One email to {@code recipientId} about the unread messages in {@code ranges} was decided, before it is sent:
 * the record that it is owed, and that these messages are never emailed again. {@code emailId} is derived from
 * the recipient and the ranges, so the sender's outbox takes it at most once, whichever handler delivers it.
 */
public record UnreadEmailDecidedEvent(String noticesId, String recipientId, String emailId, List<UnreadRange> ranges,
                                      Instant decidedAt) {

    /** The recipient's unread-email record: prefixed, so it can never share an id with a room or a contract. */
    public static String noticesIdOf(String recipientId) {
        return "unread-email-" + recipientId;
    }

    /** The same recipient and ranges always give the same id. */
    public static String emailIdOf(String recipientId, List<UnreadRange> ranges) {
        String covered = ranges.stream().map(UnreadRange::toString).sorted().collect(Collectors.joining(","));
        return "unread-" + UUID.nameUUIDFromBytes((recipientId + "|" + covered).getBytes(StandardCharsets.UTF_8));
    }
}
