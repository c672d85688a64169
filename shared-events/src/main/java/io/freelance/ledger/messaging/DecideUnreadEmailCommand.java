package io.freelance.ledger.messaging;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The service asks to email a recipient who is away about these unread messages. The recipient's unread-email
 * record keeps what was emailed already and decides on what is newer only, so asking again is harmless.
 */
public record DecideUnreadEmailCommand(@TargetAggregateIdentifier String noticesId, String recipientId,
                                       List<UnreadRange> ranges) {

    public static DecideUnreadEmailCommand of(String recipientId, List<UnreadRange> ranges) {
        return new DecideUnreadEmailCommand(UnreadEmailDecidedEvent.noticesIdOf(recipientId), recipientId, List.copyOf(ranges));
    }
}
