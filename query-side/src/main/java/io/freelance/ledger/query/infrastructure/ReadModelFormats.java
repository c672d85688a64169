package io.freelance.ledger.query.infrastructure;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a processing group's read models when their layout changed since they were written. Each
 * group's layout has a number here; the number the stored documents were written with is kept in
 * {@code read_model_formats}. Read models hold nothing the event store does not: a replay rebuilds
 * them, so an upgraded service never shows documents of the old layout (e.g. contracts from before
 * escrow accounts had a collection of their own would show no milestones).
 */
@Component
public class ReadModelFormats {

    /**
     * Group, layout number, and the collections the group writes (any document there means data of some layout).
     * Contracts 2: escrow accounts in a collection of their own. Contracts 3: hourly contracts carry their pauses,
     * weekly limit changes and tracker opt-in (earlier documents missed the pauses and changes already stored).
     * Ledger 2: balances and journal legs carry their account's kind and owner id (escrow balances had no owner
     * id before). Ledger 3: journal entries carry their link in the journal's hash chain (a replay chains the
     * entries recorded before). Ledger 4: every entry records its event's own position; before, an event that committed
     * after one with a higher position was recorded at that higher one, where the chain's verification then broke.
     * Rooms 2: the room search's text index (messages stored before are not in it).
     * Rooms 3: each user's rooms in bucketed lists, no longer one document per user that grew with every room.
     */
    private static final List<Format> FORMATS = List.of(
            new Format("contract-projection", 3, List.of("contracts", "escrow_accounts")),
            new Format("ledger-projection", 4, List.of("ledger_balances")),
            new Format("invoice-projection", 1, List.of("invoices", "invoice_lists")),
            new Format("diary-projection", 1, List.of("work_diaries", "diary_screenshots")),
            new Format("dispute-projection", 1, List.of("disputes", "dispute_queue", "dispute_lists")),
            new Format("room-projection", 3,
                    List.of("rooms", "room_stories", "room_story_ids", "room_memberships", "room_member_lists", "room_story_words")));

    private static final Logger log = LoggerFactory.getLogger(ReadModelFormats.class);
    private static final Duration WORKER_WAIT = Duration.ofSeconds(10);
    private static final Duration WORKER_POLL = Duration.ofMillis(50);

    private final EventProcessingConfiguration processing;
    private final MongoDatabase readModels;

    public ReadModelFormats(EventProcessingConfiguration processing, MongoDatabase readModelDatabase) {
        this.processing = processing;
        this.readModels = readModelDatabase;
    }

    /**
     * A group with no documents and no record is new: its layout is recorded now, before any processor runs.
     * Recorded only once the service is ready, a process killed in between would leave documents and no
     * record, and the next start would take them for layout 1 and replay them for nothing (and a crash in
     * that replay's clean-up is one more way to leave a ledger half deleted).
     */
    @PostConstruct
    public void recordLayoutsOfNewGroups() {
        MongoCollection<Document> formats = readModels.getCollection("read_model_formats");
        for (Format format : FORMATS) {
            if (formats.find(eq("_id", format.group())).first() == null && !hasDocuments(format)) {
                record(formats, format);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildOutdatedReadModels() {
        MongoCollection<Document> formats = readModels.getCollection("read_model_formats");
        for (Format format : FORMATS) {
            Document stored = formats.find(eq("_id", format.group())).first();
            // Read models written before layouts were recorded have layout 1.
            int storedLayout = stored == null ? 1 : stored.getInteger("layout", 1);
            if (storedLayout != format.layout() && hasDocuments(format) && !rebuilt(format.group(), storedLayout, format.layout())) {
                continue; // the layout stays recorded as it was, so the next start tries again
            }
            record(formats, format);
        }
    }

    private static void record(MongoCollection<Document> formats, Format format) {
        formats.replaceOne(eq("_id", format.group()), new Document("_id", format.group()).append("layout", format.layout()),
                new ReplaceOptions().upsert(true));
    }

    private boolean hasDocuments(Format format) {
        return format.collections().stream().anyMatch(name -> readModels.getCollection(name).find().first() != null);
    }

    /**
     * False when the group could not be reset here: no resettable processor, or another instance holds
     * its segments (a replay needs them all). The service runs on with the old layout and says so.
     */
    private boolean rebuilt(String group, int storedLayout, int layout) {
        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(group, StreamingEventProcessor.class).orElse(null);
        if (processor == null || !processor.supportsReset()) {
            log.warn("Read models of {} have layout {} but {} is current, and the processor cannot be reset here", group, storedLayout, layout);
            return false;
        }
        log.info("Read models of {} have layout {}, {} is current: replaying the event store to rebuild them", group, storedLayout, layout);
        awaitRunningWorkers(processor);
        processor.shutDown();
        try {
            processor.resetTokens();
            return true;
        } catch (RuntimeException notResettable) {
            log.warn("Read models of {} could not be rebuilt now ({}); they will be at the next start", group, notResettable.toString());
            return false;
        } finally {
            processor.start();
        }
    }

    /**
     * At start-up the processors are still starting when this runs. Shut down while it was assigning its segment,
     * Axon 4.13's tracking processor freed the segment yet kept it as its own: started again, it never claimed it (seen
     * on upgrades of a copy of a large service: the rooms stayed empty, the launcher idle, until the next restart). So
     * this waits until every segment's worker has read up to the head of the stream, which only a running worker does;
     * then the processor stops and starts cleanly. The wait ends after {@link #WORKER_WAIT} in any case: a processor far
     * behind is running by then, and one whose segments another instance holds never shows any (the reset below then
     * says so).
     */
    private static void awaitRunningWorkers(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + WORKER_WAIT.toNanos();
        while (!workersRunning(processor) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(WORKER_POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean workersRunning(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    private record Format(String group, int layout, List<String> collections) {
    }
}
