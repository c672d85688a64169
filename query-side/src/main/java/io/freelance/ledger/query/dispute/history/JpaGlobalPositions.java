package io.freelance.ledger.query.dispute.history;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Global positions from the embedded event store's table (Axon's {@code DomainEventEntry}): one query per
 * aggregate, on the aggregate's key the table is indexed by.
 */
final class JpaGlobalPositions implements GlobalPositions {

    static final String ENTITY = "DomainEventEntry";

    private final EntityManagerFactory entityManagers;

    JpaGlobalPositions(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    static boolean storesEvents(EntityManagerFactory entityManagers) {
        return entityManagers.getMetamodel().getEntities().stream().anyMatch(entity -> ENTITY.equals(entity.getName()));
    }

    @Override
    public Map<String, Long> byEventId(String aggregateId) {
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            List<Object[]> rows = entityManager.createQuery("SELECT e.eventIdentifier, e.globalIndex FROM " + ENTITY
                            + " e WHERE e.aggregateIdentifier = :id", Object[].class)
                    .setParameter("id", aggregateId)
                    .getResultList();
            Map<String, Long> positions = new HashMap<>();
            rows.forEach(row -> positions.put((String) row[0], ((Number) row[1]).longValue()));
            return positions;
        }
    }
}
