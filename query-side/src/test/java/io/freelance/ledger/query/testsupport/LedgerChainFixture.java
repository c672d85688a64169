package io.freelance.ledger.query.testsupport;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import io.freelance.ledger.query.ledger.AccountLists;
import io.freelance.ledger.query.ledger.JournalChainConfig;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.LedgerProjection;
import io.freelance.ledger.query.ledger.LedgerStore;
import io.freelance.ledger.query.ledger.TokenPositions;
import io.freelance.ledger.query.ledger.chain.ChainEventReader;
import io.freelance.ledger.query.ledger.chain.ChainHead;
import io.freelance.ledger.query.ledger.chain.JournalChainVerifier;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;

/**
 * A ledger fed by the projection from events kept here, position = index in the list, and a verifier
 * reading them back through an in-memory event store built from the list as it is when asked: so a
 * test can alter or remove an event "in the event store" after the ledger applied it.
 */
public final class LedgerChainFixture {

    /** A money movement as small as the interface allows. */
    public record Moved(JournalEntry journalEntry) implements MoneyMovement {
    }

    private final MongoDatabase database;
    private final LedgerStore store;
    private final LedgerProjection projection;
    private final List<EventMessage<?>> events = new ArrayList<>();

    public LedgerChainFixture(MongoDatabase database) {
        this.database = database;
        this.store = new LedgerStore(database, new AccountLists(database));
        this.projection = new LedgerProjection(store, new TokenPositions());
        store.deleteAll();
    }

    public void record(JournalEntry entry) {
        events.add(new GenericEventMessage<>(new Moved(entry)));
        deliver(events.size() - 1);
    }

    /** The event at {@code position} handed to the projection again, as a retry does. */
    public void redeliver(int position) {
        deliver(position);
    }

    public String eventIdAt(int position) {
        return events.get(position).getIdentifier();
    }

    public JournalEntry entryAt(int position) {
        return ((Moved) events.get(position).getPayload()).journalEntry();
    }

    /** The stored event at {@code position} now carries {@code payload}, under its own id and time. */
    public void alterEventAt(int position, Moved payload) {
        EventMessage<?> original = events.get(position);
        events.set(position, new GenericEventMessage<>(original.getIdentifier(), payload, MetaData.emptyInstance(),
                original.getTimestamp()));
    }

    /** Only the last: positions are indexes in the list. */
    public void removeEventAt(int lastPosition) {
        if (lastPosition != events.size() - 1) {
            throw new IllegalArgumentException("Only the last event can be removed");
        }
        events.remove(lastPosition);
    }

    /** The head as if an append had stopped before it moved the head on. */
    public void resetHeadTo(ChainHead head) {
        database.getCollection(LedgerFields.JOURNAL_CHAIN).replaceOne(Filters.eq("_id", "head"),
                new Document("_id", "head").append("sequence", head.sequence()).append("entryId", head.entryId())
                        .append("hash", head.hash()),
                new ReplaceOptions().upsert(true));
    }

    public LedgerStore store() {
        return store;
    }

    public JournalChainVerifier verifier() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(events);
        return JournalChainConfig.verifier(database, ChainEventReader.of(engine));
    }

    private void deliver(int position) {
        EventMessage<?> event = events.get(position);
        projection.on((MoneyMovement) event.getPayload(), event.getIdentifier(), new GlobalSequenceTrackingToken(position),
                event.getTimestamp());
    }
}
