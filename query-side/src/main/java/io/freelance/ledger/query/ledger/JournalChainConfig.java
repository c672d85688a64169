package io.freelance.ledger.query.ledger;

import static io.freelance.ledger.query.ledger.LedgerFields.JOURNAL_CHAIN;
import static io.freelance.ledger.query.ledger.LedgerFields.JOURNAL_ENTRIES;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.ledger.chain.ChainEventReader;
import io.freelance.ledger.query.ledger.chain.JournalChain;
import io.freelance.ledger.query.ledger.chain.JournalChainVerifier;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live ledger's chain and its verifier, reading events through whichever event store the service runs on. */
@Configuration(proxyBeanMethods = false)
public class JournalChainConfig {

    @Bean
    public JournalChain journalChain(MongoDatabase readModelDatabase) {
        return new JournalChain(readModelDatabase, JOURNAL_CHAIN);
    }

    /** Exact where the event store has no gaps (Axon Server); an application on a gap-aware store offers its own as primary (standalone does). */
    @Bean
    public EventPositions tokenPositions() {
        return new TokenPositions();
    }

    @Bean
    public JournalChainVerifier journalChainVerifier(MongoDatabase readModelDatabase, ObjectProvider<EventStorageEngine> storageEngine,
                                                     ObjectProvider<EventStore> eventStore) {
        EventStorageEngine engine = storageEngine.getIfUnique();
        return verifier(readModelDatabase, engine != null ? ChainEventReader.of(engine) : ChainEventReader.of(eventStore.getObject()));
    }

    /** A verifier of the live ledger's chain outside Spring (an audit command line, a test). */
    public static JournalChainVerifier verifier(MongoDatabase readModelDatabase, ChainEventReader events) {
        return new JournalChainVerifier(new JournalChain(readModelDatabase, JOURNAL_CHAIN),
                readModelDatabase.getCollection(JOURNAL_ENTRIES), LedgerDocuments::stored, events);
    }
}
