package io.freelance.ledger.standalone.audit;

import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import io.freelance.ledger.ledger.StoredJournalEntries;
import io.freelance.ledger.query.ledger.audit.AuditEventSource;
import io.freelance.ledger.query.ledger.audit.EventBatch;
import io.freelance.ledger.query.ledger.audit.RecordedMovement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The audit's read of the standalone event store: the global index range is cut into ranges of one batch
 * each, read over the event table's primary key by {@code ledger.audit.readers} threads at once (one
 * connection each; the machine's cores by default), and handed on strictly in index order, at most two
 * ranges per reader ahead of the consumer so memory stays bounded. Only money movements are decoded, their
 * type told by the row's payload type, and only their journal entry ({@link StoredJournalEntries}).
 * Axon's own stream reads 100 rows per query through JPA and binds every event on one thread, which is
 * several times slower for a full replay. The table holds the same rows the processors read; no token,
 * handler or unit of work is involved.
 */
@Component
@Primary
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventTableAuditSource implements AuditEventSource {

    private static final String EVENTS = "SELECT GLOBAL_INDEX, TIME_STAMP, PAYLOAD_TYPE, PAYLOAD_REVISION, PAYLOAD "
            + "FROM DOMAIN_EVENT_ENTRY WHERE GLOBAL_INDEX > ? AND GLOBAL_INDEX <= ? ORDER BY GLOBAL_INDEX";
    private static final int RANGES_AHEAD_PER_READER = 2;

    private final DataSource dataSource;
    private final Serializer eventSerializer;
    private final int readers;
    private final Map<String, Boolean> movementTypes = new ConcurrentHashMap<>();

    public EventTableAuditSource(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                                 @Value("${ledger.audit.readers:0}") int readers) {
        if (readers < 0 || readers > 16) {
            throw new IllegalArgumentException("ledger.audit.readers must be between 1 and 16, or 0 for one per core");
        }
        this.dataSource = dataSource;
        this.eventSerializer = eventSerializer;
        this.readers = readers == 0 ? Runtime.getRuntime().availableProcessors() : readers;
    }

    @Override
    public long headIndex() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT MAX(GLOBAL_INDEX) FROM DOMAIN_EVENT_ENTRY")) {
            head.next();
            long index = head.getLong(1);
            return head.wasNull() ? -1 : index;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store's head", e);
        }
    }

    @Override
    public void read(long afterIndex, long upToIndex, int batchSize, Consumer<EventBatch> batches) {
        read(afterIndex, upToIndex, batchSize, PayloadMention.ANY, batches);
    }

    @Override
    public void readMentioning(String account, long afterIndex, long upToIndex, int batchSize, Consumer<EventBatch> batches) {
        read(afterIndex, upToIndex, batchSize, PayloadMention.of(account), batches);
    }

    private void read(long afterIndex, long upToIndex, int batchSize, PayloadMention mention, Consumer<EventBatch> batches) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(readers, task -> {
            Thread thread = new Thread(task, "ledger-audit-reader-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<EventBatch>> ahead = new ArrayDeque<>();
            long rangeWidth = rangeWidth(afterIndex, upToIndex, batchSize);
            long nextRangeAfter = afterIndex;
            while (nextRangeAfter < upToIndex || !ahead.isEmpty()) {
                while (nextRangeAfter < upToIndex && ahead.size() < readers * RANGES_AHEAD_PER_READER) {
                    long rangeAfter = nextRangeAfter;
                    long rangeUpTo = Math.min(upToIndex, rangeAfter + rangeWidth);
                    ahead.add(pool.submit(() -> range(rangeAfter, rangeUpTo, mention)));
                    nextRangeAfter = rangeUpTo;
                }
                EventBatch batch = ahead.removeFirst().get();
                if (batch.eventsRead() > 0) {
                    batches.accept(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Could not read the event store", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One batch, or less when the whole read is smaller than a batch for each reader: an as-of answer reads one
     * day's events (a few thousand), which would otherwise be one range on one thread.
     */
    private long rangeWidth(long afterIndex, long upToIndex, int batchSize) {
        long span = Math.max(0, upToIndex - afterIndex);
        long perReader = Math.max(1, (span + readers - 1) / readers);
        return Math.min(batchSize, perReader);
    }

    /**
     * The events with a global index in (after, upTo]; a range of gaps only reads as an empty batch. A money
     * movement whose payload does not hold {@code mention} is counted and left undecoded.
     */
    private EventBatch range(long after, long upTo, PayloadMention mention) {
        List<RecordedMovement> movements = new ArrayList<>();
        int events = 0;
        long lastIndex = after;
        String lastType = null;
        boolean lastTypeMoves = false;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(EVENTS)) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events++;
                    lastIndex = rows.getLong(1);
                    String payloadType = rows.getString(3);
                    if (!payloadType.equals(lastType)) {
                        lastType = payloadType;
                        lastTypeMoves = isMovement(payloadType);
                    }
                    byte[] payload = lastTypeMoves ? rows.getBytes(5) : null;
                    if (lastTypeMoves && mention.isIn(payload)) {
                        RecordedMovement movement = movement(lastIndex, rows, payloadType, payload);
                        if (movement != null) {
                            movements.add(movement);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store after index " + after, e);
        }
        return new EventBatch(lastIndex, events, movements);
    }

    /** Null when the event moved nothing between accounts. */
    private RecordedMovement movement(long index, ResultSet row, String payloadType, byte[] payload) throws SQLException {
        String revision = row.getString(4);
        JournalEntry entry = StoredJournalEntries.read(payload, json -> eventSerializer.deserialize(
                new SimpleSerializedObject<>(json, byte[].class, payloadType, revision)));
        if (entry == null) {
            return null;
        }
        String simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return new RecordedMovement(index, StoredTimestamps.parse(row.getString(2)), simpleName, entry);
    }

    private boolean isMovement(String payloadType) {
        return movementTypes.computeIfAbsent(payloadType, type -> {
            try {
                return MoneyMovement.class.isAssignableFrom(Class.forName(type, false, getClass().getClassLoader()));
            } catch (ClassNotFoundException e) {
                return false;
            }
        });
    }
}
