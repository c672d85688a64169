package io.freelance.ledger.query.operations;

import io.freelance.ledger.common.RuleViolation;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Retries parked sequences through Axon's {@link SequencedDeadLetterProcessor}: on a schedule, each
 * sequence once its first letter's back-off ({@link RetryBackoff}) has passed, and on request, one
 * sequence at once. A retry hands the sequence's letters in order to the group's handlers (with its
 * interceptors, in a transaction); each that succeeds is removed, the first that fails is parked again
 * with one more attempt and its new cause, and the letters after it wait. In this process one retry
 * per processing group runs at a time; other instances are kept out by the queue's claims.
 */
@Component
public class DeadLetterRetrier {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetrier.class);
    /** How long a retry on request waits for a scheduled one of the same group to finish. */
    private static final long REQUEST_WAIT_SECONDS = 10;

    private final EventProcessingConfiguration eventProcessing;
    private final DeadLetterStore store;
    private final DeadLetterProperties.Retry settings;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final Map<String, ReentrantLock> groupLocks = new ConcurrentHashMap<>();
    private ScheduledExecutorService schedule;

    public DeadLetterRetrier(EventProcessingConfiguration eventProcessing, DeadLetterStore store,
                             DeadLetterProperties properties, RetryBackoff backoff) {
        this.eventProcessing = eventProcessing;
        this.store = store;
        this.settings = properties.retry();
        this.backoff = backoff;
        this.clock = Clock.systemUTC();
    }

    /** What a retry on request did. */
    public record Outcome(boolean processed, long remaining, Optional<DeadLetterView> firstRemaining) {
    }

    /** Starts the schedule once the application, its event processors included, is running. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void startSchedule() {
        if (!settings.enabled() || schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-retry");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.interval().toMillis();
        schedule.scheduleWithFixedDelay(this::retryDueSequences, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule before the event processors and the database go away; a running retry finishes. */
    @EventListener(ContextClosedEvent.class)
    public synchronized void stopSchedule() {
        if (schedule == null) {
            return;
        }
        schedule.shutdown();
        try {
            if (!schedule.awaitTermination(REQUEST_WAIT_SECONDS, TimeUnit.SECONDS)) {
                schedule.shutdownNow();
            }
        } catch (InterruptedException e) {
            schedule.shutdownNow();
            Thread.currentThread().interrupt();
        }
        schedule = null;
    }

    /** One scheduled run: every group's sequences whose back-off has passed, at most the configured number each. */
    void retryDueSequences() {
        for (String group : store.processingGroups()) {
            try {
                retryDueSequences(group);
            } catch (RuntimeException e) {
                // The next run tries again; a failed retry leaves the letters parked.
                log.warn("The scheduled retry of processing group {} failed; trying again in {}", group, settings.interval(), e);
            }
        }
    }

    private void retryDueSequences(String group) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = eventProcessing.sequencedDeadLetterProcessor(group);
        if (processor.isEmpty()) {
            return;
        }
        // Looked at first so that an empty queue costs one small query and Axon is not asked (and does not log) in vain.
        int due = Math.min(store.dueSequences(group, backoff, clock.instant()), settings.maxSequencesPerRun());
        for (int retried = 0; retried < due; retried++) {
            AtomicBoolean matched = new AtomicBoolean();
            AtomicReference<String> sequence = new AtomicReference<>();
            boolean processed = withLock(group, () -> processor.get().process(matching(letter -> {
                sequence.set(sequenceOf(letter));
                return backoff.isDue(RetryBackoff.attemptsIn(letter.diagnostics()), letter.lastTouched(), clock.instant());
            }, matched)));
            if (!matched.get()) {
                return;
            }
            if (processed) {
                log.info("Processing group {}: the parked sequence {} was retried and applied", group, sequence.get());
            }
        }
    }

    /**
     * Retries one sequence now, whatever its back-off: the finance team's {@code retryDeadLetterSequence}.
     *
     * @throws RuleViolation BAD_REQUEST for a group that parks nothing, NOT_FOUND for a sequence with no
     *                       parked event, CONFLICT when another retry holds the sequence
     */
    public Outcome retryNow(String group, String sequenceIdentifier) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processorOf(group);
        Optional<DeadLetterView> before = store.head(group, sequenceIdentifier);
        if (before.isEmpty()) {
            throw RuleViolation.notFound("sequenceIdentifier", "sequenceIdentifier.not-found",
                    "No event of sequence " + sequenceIdentifier + " is parked in " + group + ".");
        }
        AtomicBoolean matched = new AtomicBoolean();
        boolean processed = withLockOrBusy(group, () -> processor.process(
                matching(letter -> sequenceIdentifier.equals(sequenceOf(letter)), matched)));
        long remaining = store.sequenceSize(group, sequenceIdentifier);
        Optional<DeadLetterView> after = store.head(group, sequenceIdentifier);
        if (!processed && (!matched.get() || after.equals(before))) {
            // Not tried here: another instance holds it, or it was just retried and removed elsewhere.
            if (remaining == 0) {
                return new Outcome(true, 0, Optional.empty());
            }
            throw busy(sequenceIdentifier);
        }
        if (processed) {
            log.info("Processing group {}: the parked sequence {} was retried on request and applied", group, sequenceIdentifier);
        }
        return new Outcome(processed, remaining, after);
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processorOf(String group) {
        if (!store.processingGroups().contains(group)) {
            throw unknownGroup(group, store);
        }
        return eventProcessing.sequencedDeadLetterProcessor(group).orElseThrow(() -> unknownGroup(group, store));
    }

    static RuleViolation unknownGroup(String group, DeadLetterStore store) {
        return RuleViolation.badRequest("processingGroup", "processingGroup.unknown",
                "No processing group " + group + " parks failing events; the groups are " + String.join(", ", store.processingGroups()) + ".");
    }

    private static Predicate<DeadLetter<? extends EventMessage<?>>> matching(
            Predicate<DeadLetter<? extends EventMessage<?>>> filter, AtomicBoolean matched) {
        return letter -> {
            boolean matches = filter.test(letter);
            if (matches) {
                matched.set(true);
            }
            return matches;
        };
    }

    /** The sequence a letter belongs to, as the JPA queue stores it. */
    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JpaDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
    }

    private boolean withLock(String group, BooleanSupplier retry) {
        ReentrantLock lock = groupLocks.computeIfAbsent(group, ignored -> new ReentrantLock());
        lock.lock();
        try {
            return retry.getAsBoolean();
        } finally {
            lock.unlock();
        }
    }

    private boolean withLockOrBusy(String group, BooleanSupplier retry) {
        ReentrantLock lock = groupLocks.computeIfAbsent(group, ignored -> new ReentrantLock());
        try {
            if (!lock.tryLock(REQUEST_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw busy(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(null);
        }
        try {
            return retry.getAsBoolean();
        } finally {
            lock.unlock();
        }
    }

    private static RuleViolation busy(String sequenceIdentifier) {
        return RuleViolation.conflict(sequenceIdentifier == null ? null : "sequenceIdentifier", "service.busy",
                "Another retry of these parked events is running; try again shortly.");
    }
}
