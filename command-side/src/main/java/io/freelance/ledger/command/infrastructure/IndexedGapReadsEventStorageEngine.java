package io.freelance.ledger.command.infrastructure;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Axon's JPA event storage engine, reading a tracking token's gaps with queries an index can answer.
 *
 * <p>A gap is a global index that was handed out but not yet seen committed: concurrent commands commit
 * out of order, and a rolled-back append (two commands racing on one aggregate) leaves a gap that never
 * fills, so under load a processor's token nearly always has some. Axon then asks for
 * {@code globalIndex > :token OR globalIndex IN :gaps}; H2 answers that disjunction by walking the
 * whole table from its first row, so every read of new events cost time proportional to the event
 * store's size. Two queries give the same rows in the same order: the gaps (all below the token's
 * index) by key, then the rows after the token by index range.
 */
public class IndexedGapReadsEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    public IndexedGapReadsEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        String entity = domainEventEntryEntityName();
        List<Object[]> filledGaps = entityManager()
                .createQuery(COLUMNS + entity + " e WHERE e.globalIndex IN :gaps ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList();
        int room = batchSize() - filledGaps.size();
        if (room <= 0) {
            return filledGaps;
        }
        List<Object[]> newer = entityManager()
                .createQuery(COLUMNS + entity + " e WHERE e.globalIndex > :token ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("token", token.getIndex())
                .setMaxResults(room)
                .getResultList();
        List<Object[]> rows = new ArrayList<>(filledGaps.size() + newer.size());
        rows.addAll(filledGaps);
        rows.addAll(newer);
        return rows;
    }
}
