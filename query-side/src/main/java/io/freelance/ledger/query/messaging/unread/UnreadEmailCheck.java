package io.freelance.ledger.query.messaging.unread;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.messaging.DecideUnreadEmailCommand;
import io.freelance.ledger.messaging.UnreadRange;
import io.freelance.ledger.query.messaging.RoomProjection;
import io.freelance.ledger.query.messaging.live.Presence;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic look for members away with messages waiting unread: for each such recipient who is offline, it
 * asks their {@code UnreadEmailNotices} record to decide one email about all of them. The record, in the event
 * store, keeps what was emailed, so this check may run as often as it likes, on any instance, after any restart.
 * <p>
 * It reads the service clock at each check (tests stop that clock). While the room projection is rebuilding,
 * read positions lag behind the messages and would look unread: no check runs then.
 */
public class UnreadEmailCheck {

    private static final Logger log = LoggerFactory.getLogger(UnreadEmailCheck.class);
    /** Recipients remembered between checks; past this the memory starts over (the records still decide). */
    private static final int MAX_REMEMBERED_RECIPIENTS = 100_000;
    /** A decision that has not come back by then is asked for again at the next check, never waited on for ever. */
    private static final long DECISION_TIMEOUT_SECONDS = 30;

    private final UnreadBatches batches;
    private final Presence presence;
    private final CommandGateway commands;
    private final EventProcessingConfiguration processors;
    private final Clock clock;
    /** What this process already asked about, so a recipient whose mail went out is not asked again each minute. */
    private final Map<String, Map<String, Long>> askedUpTo = new HashMap<>();

    public UnreadEmailCheck(UnreadBatches batches, Presence presence, CommandGateway commands,
                            EventProcessingConfiguration processors, Clock clock) {
        this.batches = batches;
        this.presence = presence;
        this.commands = commands;
        this.processors = processors;
        this.clock = clock;
    }

    /** One check; answers how many recipients were asked about. Serialised: a scheduled and a test check never overlap. */
    public synchronized int check() {
        if (roomsRebuilding()) {
            log.info("Room read model is being rebuilt; no unread-message email is decided until it has caught up");
            return 0;
        }
        int asked = 0;
        for (Map.Entry<String, List<UnreadRange>> due : batches.dueAt(clock.instant()).entrySet()) {
            String recipient = due.getKey();
            List<UnreadRange> newer = notAskedYet(recipient, due.getValue());
            if (newer.isEmpty() || presence.isOnline(recipient)) {
                continue;
            }
            if (decide(recipient, newer)) {
                asked++;
            }
        }
        return asked;
    }

    private boolean decide(String recipient, List<UnreadRange> ranges) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(DecideUnreadEmailCommand.of(recipient, ranges))
                    .andMetaData(Actor.SYSTEM.asMetaData()), DECISION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            remember(recipient, ranges);
            return true;
        } catch (RuntimeException e) {
            // The next check asks again; the record makes sure a second ask never becomes a second email.
            log.warn("Could not decide the unread-message email of {}: {}", recipient, e.getMessage());
            return false;
        }
    }

    private List<UnreadRange> notAskedYet(String recipient, List<UnreadRange> ranges) {
        Map<String, Long> asked = askedUpTo.getOrDefault(recipient, Map.of());
        return ranges.stream().map(range -> range.after(asked.getOrDefault(range.roomId(), 0L)))
                .flatMap(Optional::stream).toList();
    }

    private void remember(String recipient, List<UnreadRange> ranges) {
        if (askedUpTo.size() >= MAX_REMEMBERED_RECIPIENTS && !askedUpTo.containsKey(recipient)) {
            askedUpTo.clear();
        }
        Map<String, Long> asked = askedUpTo.computeIfAbsent(recipient, key -> new HashMap<>());
        ranges.forEach(range -> asked.merge(range.roomId(), range.toSequence(), Math::max));
    }

    private boolean roomsRebuilding() {
        return processors.eventProcessor(RoomProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying).orElse(false);
    }
}
