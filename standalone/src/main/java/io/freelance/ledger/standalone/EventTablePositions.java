package io.freelance.ledger.standalone;

import io.freelance.ledger.query.ledger.EventPositions;
import io.freelance.ledger.query.ledger.TokenPositions;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Event positions from the H2 event table, by the event's identifier (a unique, indexed column). The
 * tracking token cannot say it here: under concurrent commands events commit out of order, and an event
 * that commits after one with a higher global index reaches a processor with that higher index as its
 * token's position. Recording that would make the journal chain point at another event and a retried
 * event look like a different one. The lookup runs on the processor's own connection (its transaction's).
 */
@Component
@Primary
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventTablePositions implements EventPositions {

    private static final String POSITION_OF = "SELECT GLOBAL_INDEX FROM DOMAIN_EVENT_ENTRY WHERE EVENT_IDENTIFIER = ?";

    private final JdbcTemplate jdbc;
    private final TokenPositions tokens = new TokenPositions();

    public EventTablePositions(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public long positionOf(String eventId, TrackingToken token) {
        if (!(WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken)) {
            return tokens.positionOf(eventId, token);
        }
        Long position = jdbc.query(POSITION_OF, rows -> rows.next() ? rows.getLong(1) : null, eventId);
        if (position == null) {
            throw new IllegalStateException("Event " + eventId + " was delivered but the event table has no row for it");
        }
        return position;
    }
}
