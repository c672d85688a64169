package io.freelance.ledger.standalone.audit;

import io.freelance.ledger.ledger.MoneyMovement;
import io.freelance.ledger.query.ledger.audit.AuditEventSource;
import io.freelance.ledger.query.ledger.audit.EventBatch;
import io.freelance.ledger.query.ledger.audit.RecordedMovement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The audit's read of the standalone event store: one SQL query per batch over the event table's primary
 * key (global index ranges), and only money movements deserialized, their type told by the row's payload
 * type. Axon's own stream reads 100 rows per query through JPA and materializes every event, which is
 * several times slower for a full replay. The table holds the same rows the processors read; no token,
 * handler or unit of work is involved.
 */
@Component
@Primary
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventTableAuditSource implements AuditEventSource {

    private static final String EVENTS = "SELECT GLOBAL_INDEX, TIME_STAMP, PAYLOAD_TYPE, PAYLOAD_REVISION, PAYLOAD "
            + "FROM DOMAIN_EVENT_ENTRY WHERE GLOBAL_INDEX > ? AND GLOBAL_INDEX <= ? ORDER BY GLOBAL_INDEX LIMIT ?";

    private final DataSource dataSource;
    private final Serializer eventSerializer;
    private final Map<String, Boolean> movementTypes = new ConcurrentHashMap<>();

    public EventTableAuditSource(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.dataSource = dataSource;
        this.eventSerializer = eventSerializer;
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
        long after = afterIndex;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(EVENTS)) {
            while (after < upToIndex) {
                statement.setLong(1, after);
                statement.setLong(2, upToIndex);
                statement.setInt(3, batchSize);
                List<RecordedMovement> movements = new ArrayList<>();
                int events = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events++;
                        after = rows.getLong(1);
                        String payloadType = rows.getString(3);
                        if (isMovement(payloadType)) {
                            movement(after, rows, payloadType).ifPresent(movements::add);
                        }
                    }
                }
                if (events == 0) {
                    return;
                }
                batches.accept(new EventBatch(after, events, movements));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store after index " + after, e);
        }
    }

    private java.util.Optional<RecordedMovement> movement(long index, ResultSet row, String payloadType) throws SQLException {
        MoneyMovement movement = eventSerializer.deserialize(
                new SimpleSerializedObject<>(row.getBytes(5), byte[].class, payloadType, row.getString(4)));
        if (movement.journalEntry() == null) {
            return java.util.Optional.empty();
        }
        String simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return java.util.Optional.of(new RecordedMovement(index, Instant.parse(row.getString(2)), simpleName,
                movement.journalEntry()));
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
