package io.freelance.ledger.command.messaging;

import static io.freelance.ledger.command.common.ServiceDeadlines.now;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.messaging.DecideUnreadEmailCommand;
import io.freelance.ledger.messaging.UnreadEmailDecidedEvent;
import io.freelance.ledger.messaging.UnreadRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One recipient's emails about unread messages (DESIGN §4 Messages: one email per batch, never twice). Each
 * decision to email is recorded here as an event before anything is sent, and with it how far each room has been
 * emailed; a later request covers only messages past that, so a repeated check, a restart or a replay of the
 * query side can never email the same messages again.
 */
@Aggregate
public class UnreadEmailNotices {

    @AggregateIdentifier
    private String noticesId;
    private final Map<String, Long> emailedUpToByRoom = new HashMap<>();

    protected UnreadEmailNotices() {
        // Axon rebuilds the record from its events, or creates it for a recipient's first email.
    }

    /** Decides one email about what is newer than what was emailed; nothing when nothing is. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DecideUnreadEmailCommand command) {
        String expectedId = UnreadEmailDecidedEvent.noticesIdOf(command.recipientId());
        if (!expectedId.equals(command.noticesId())) {
            throw new IllegalArgumentException("Unread emails of " + command.recipientId() + " are kept under " + expectedId);
        }
        List<UnreadRange> newer = command.ranges().stream()
                .map(range -> range.after(emailedUpToByRoom.getOrDefault(range.roomId(), 0L)))
                .flatMap(Optional::stream)
                .toList();
        if (newer.isEmpty()) {
            // Axon requires an identifier even when a new record decides nothing.
            noticesId = command.noticesId();
            return;
        }
        apply(new UnreadEmailDecidedEvent(command.noticesId(), command.recipientId(),
                UnreadEmailDecidedEvent.emailIdOf(command.recipientId(), newer), newer, now()));
    }

    @EventSourcingHandler
    void on(UnreadEmailDecidedEvent event) {
        noticesId = event.noticesId();
        event.ranges().forEach(range -> emailedUpToByRoom.merge(range.roomId(), range.toSequence(), Math::max));
    }
}
