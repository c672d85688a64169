package io.freelance.ledger.query.operations;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads Axon's JPA dead-letter queue (entity {@code DeadLetterEntry}, table {@code dead_letter_entry})
 * for counts and listings without loading the events themselves: only the columns a listing shows.
 * Parking, retrying and evicting stay Axon's ({@link DeadLetterRetrier}).
 */
@Component
public class DeadLetterStore {

    /** How long Axon's JPA queue lets a retry hold a letter before another may claim it (its default). */
    static final Duration CLAIM_DURATION = Duration.ofSeconds(30);

    private static final String HEAD_OF_ITS_SEQUENCE = "dl.sequenceIndex = (select min(dl2.sequenceIndex) from DeadLetterEntry dl2 "
            + "where dl2.processingGroup = dl.processingGroup and dl2.sequenceIdentifier = dl.sequenceIdentifier)";
    private static final String LISTED_COLUMNS = "select dl.processingGroup, dl.sequenceIdentifier, dl.sequenceIndex, "
            + "dl.message.eventIdentifier, dl.message.payloadType, dl.message.aggregateIdentifier, dl.message.sequenceNumber, "
            + "dl.enqueuedAt, dl.lastTouched, dl.causeType, dl.causeMessage, dl.diagnostics from DeadLetterEntry dl ";

    private final EntityManagerProvider entityManagerProvider;
    private final TransactionTemplate readOnly;
    private final Serializer eventSerializer;
    private final List<String> processingGroups;

    public DeadLetterStore(EntityManagerProvider entityManagerProvider, PlatformTransactionManager transactionManager,
                           @Qualifier("eventSerializer") Serializer eventSerializer, EventProcessorProperties processors) {
        this.entityManagerProvider = entityManagerProvider;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.eventSerializer = eventSerializer;
        this.processingGroups = processors.getProcessors().entrySet().stream()
                .filter(processor -> processor.getValue().getDlq().isEnabled())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The processing groups that park failing events, by name. */
    public List<String> processingGroups() {
        return processingGroups;
    }

    /** Parked events per processing group, every group listed (0 when none). */
    public Map<String, Long> countsByGroup() {
        Map<String, Long> counts = new LinkedHashMap<>();
        processingGroups.forEach(group -> counts.put(group, 0L));
        if (processingGroups.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = read(entityManager -> entityManager.createQuery(
                        "select dl.processingGroup, count(dl) from DeadLetterEntry dl "
                                + "where dl.processingGroup in :groups group by dl.processingGroup", Object[].class)
                .setParameter("groups", processingGroups)
                .getResultList());
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    public long count(String processingGroup) {
        return read(entityManager -> entityManager.createQuery(
                        "select count(dl) from DeadLetterEntry dl where dl.processingGroup = :group", Long.class)
                .setParameter("group", processingGroup)
                .getSingleResult());
    }

    public long sequenceSize(String processingGroup, String sequenceIdentifier) {
        return read(entityManager -> entityManager.createQuery("select count(dl) from DeadLetterEntry dl "
                        + "where dl.processingGroup = :group and dl.sequenceIdentifier = :sequence", Long.class)
                .setParameter("group", processingGroup)
                .setParameter("sequence", sequenceIdentifier)
                .getSingleResult());
    }

    /**
     * Up to {@code limit} parked events by processing group, sequence and place in the sequence, after
     * {@code after} (exclusive) when given.
     */
    public List<DeadLetterView> page(Collection<String> groups, DeadLetterPosition after, int limit) {
        if (groups.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder(LISTED_COLUMNS).append("where dl.processingGroup in :groups ");
        if (after != null) {
            jpql.append("and (dl.processingGroup > :afterGroup or (dl.processingGroup = :afterGroup and ")
                    .append("(dl.sequenceIdentifier > :afterSequence or (dl.sequenceIdentifier = :afterSequence ")
                    .append("and dl.sequenceIndex > :afterIndex)))) ");
        }
        jpql.append("order by dl.processingGroup, dl.sequenceIdentifier, dl.sequenceIndex");
        return read(entityManager -> {
            TypedQuery<Object[]> query = entityManager.createQuery(jpql.toString(), Object[].class)
                    .setParameter("groups", groups)
                    .setMaxResults(limit);
            if (after != null) {
                query.setParameter("afterGroup", after.processingGroup())
                        .setParameter("afterSequence", after.sequenceIdentifier())
                        .setParameter("afterIndex", after.sequenceIndex());
            }
            return query.getResultList().stream().map(this::toView).toList();
        });
    }

    /** The letter of a sequence that is retried first, if the sequence has any. */
    public Optional<DeadLetterView> head(String processingGroup, String sequenceIdentifier) {
        return read(entityManager -> entityManager.createQuery(LISTED_COLUMNS
                                + "where dl.processingGroup = :group and dl.sequenceIdentifier = :sequence order by dl.sequenceIndex",
                        Object[].class)
                .setParameter("group", processingGroup)
                .setParameter("sequence", sequenceIdentifier)
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(this::toView));
    }

    /**
     * How many sequences of the group have a first letter whose back-off has passed and that no retry
     * holds right now: what the scheduled retry has to do. Reads only the sequences' first letters'
     * times and diagnostics, never the events.
     */
    public int dueSequences(String processingGroup, RetryBackoff backoff, Instant now) {
        List<Object[]> heads = read(entityManager -> entityManager.createQuery(
                        "select dl.lastTouched, dl.diagnostics from DeadLetterEntry dl where dl.processingGroup = :group and "
                                + HEAD_OF_ITS_SEQUENCE
                                + " and (dl.processingStarted is null or dl.processingStarted < :claimExpired)", Object[].class)
                .setParameter("group", processingGroup)
                .setParameter("claimExpired", now.minus(CLAIM_DURATION))
                .getResultList());
        int due = 0;
        for (Object[] head : heads) {
            if (backoff.isDue(RetryBackoff.attemptsIn(diagnostics((byte[]) head[1])), (Instant) head[0], now)) {
                due++;
            }
        }
        return due;
    }

    private DeadLetterView toView(Object[] row) {
        int attempts = RetryBackoff.attemptsIn(diagnostics((byte[]) row[11]));
        String causeType = (String) row[9];
        return new DeadLetterView(
                (String) row[0],
                (String) row[1],
                ((Number) row[2]).longValue(),
                (String) row[3],
                simpleTypeName((String) row[4]),
                (String) row[5],
                row[6] == null ? null : ((Number) row[6]).longValue(),
                (Instant) row[7],
                attempts > 0 ? (Instant) row[8] : null,
                attempts,
                causeType == null ? null : new DeadLetterView.Cause(causeType, (String) row[10]));
    }

    private MetaData diagnostics(byte[] serialized) {
        if (serialized == null || serialized.length == 0) {
            return MetaData.emptyInstance();
        }
        return eventSerializer.deserialize(
                new SimpleSerializedObject<>(serialized, byte[].class, MetaData.class.getName(), null));
    }

    /** {@code io.freelance.ledger.contract.ContractAcceptedEvent} → {@code ContractAcceptedEvent}. */
    static String simpleTypeName(String payloadType) {
        if (payloadType == null) {
            return null;
        }
        int lastSeparator = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(lastSeparator + 1);
    }

    private <T> T read(Function<EntityManager, T> query) {
        return readOnly.execute(status -> query.apply(entityManagerProvider.getEntityManager()));
    }
}
