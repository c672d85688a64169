package io.freelance.ledger.query.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Which read models {@link ReadModelFormats} replays at start-up, and what it records. */
class ReadModelLayoutUpgradeTest {

    private InMemoryMongo mongo;
    private MongoDatabase database;
    private final StreamingEventProcessor contracts = mock(StreamingEventProcessor.class);
    private final StreamingEventProcessor ledger = mock(StreamingEventProcessor.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        database = mongo.database("layouts");
        when(contracts.supportsReset()).thenReturn(true);
        when(processing.eventProcessorByProcessingGroup(eq("contract-projection"), any()))
                .thenReturn(Optional.of(contracts));
        // Both running, caught up: the reset does not wait for them.
        EventTrackerStatus caughtUp = mock(EventTrackerStatus.class);
        when(caughtUp.isCaughtUp()).thenReturn(true);
        when(contracts.processingStatus()).thenReturn(Map.of(0, caughtUp));
        when(ledger.processingStatus()).thenReturn(Map.of(0, caughtUp));
        when(ledger.supportsReset()).thenReturn(true);
        when(processing.eventProcessorByProcessingGroup(eq("ledger-projection"), any()))
                .thenReturn(Optional.of(ledger));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aFreshStoreIsNotReplayedAndGetsTheCurrentLayouts() {
        new ReadModelFormats(processing, database).rebuildOutdatedReadModels();

        verify(contracts, never()).resetTokens();
        verify(ledger, never()).resetTokens();
        assertThat(layoutOf("contract-projection")).isEqualTo(3);
        assertThat(layoutOf("ledger-projection")).isEqualTo(4);
    }

    @Test
    void documentsWrittenAfterAFreshStartAreNotTakenForAnOldLayout() {
        ReadModelFormats formats = new ReadModelFormats(processing, database);
        formats.recordLayoutsOfNewGroups();
        // Processors start and write before the service is ready (or before a crash).
        database.getCollection("contracts").insertOne(new Document("_id", "c-1"));
        database.getCollection("ledger_balances").insertOne(new Document("_id", "escrow:c-1|USD"));

        formats.rebuildOutdatedReadModels();

        verify(contracts, never()).resetTokens();
        verify(ledger, never()).resetTokens();
        assertThat(layoutOf("contract-projection")).isEqualTo(3);
        assertThat(layoutOf("ledger-projection")).isEqualTo(4);
    }

    @Test
    void documentsWithoutARecordedLayoutAreReplayedIntoTheCurrentOne() {
        database.getCollection("contracts").insertOne(new Document("_id", "c-1"));

        new ReadModelFormats(processing, database).rebuildOutdatedReadModels();

        InOrder replay = inOrder(contracts);
        replay.verify(contracts).shutDown();
        replay.verify(contracts).resetTokens();
        replay.verify(contracts).start();
        assertThat(layoutOf("contract-projection")).isEqualTo(3);
    }

    @Test
    void aLedgerThatRecordedTokenPositionsIsReplayedSoEveryEntryPointsAtItsOwnEvent() {
        database.getCollection("ledger_balances").insertOne(new Document("_id", "escrow:c-1|USD"));
        database.getCollection("read_model_formats").insertOne(new Document("_id", "ledger-projection").append("layout", 3));

        new ReadModelFormats(processing, database).rebuildOutdatedReadModels();

        assertLedgerReplayedIntoTheCurrentLayout();
    }

    @Test
    void balancesWithoutTheirAccountsKindAndOwnerAreReplayedIntoTheCurrentLayout() {
        // As layout 1 left an escrow balance: the name, and no owner id (escrow had none) and no kind.
        database.getCollection("ledger_balances").insertOne(new Document("_id", "escrow:c-1|USD")
                .append("account", "escrow:c-1").append("currency", "USD").append("ownerId", null));
        database.getCollection("read_model_formats").insertOne(new Document("_id", "ledger-projection").append("layout", 1));

        new ReadModelFormats(processing, database).rebuildOutdatedReadModels();

        assertLedgerReplayedIntoTheCurrentLayout();
        verify(contracts, never()).resetTokens();
    }

    /** The ledger's processor stopped, its tokens reset and started again, and the current layout recorded. */
    private void assertLedgerReplayedIntoTheCurrentLayout() {
        InOrder replay = inOrder(ledger);
        replay.verify(ledger).shutDown();
        replay.verify(ledger).resetTokens();
        replay.verify(ledger).start();
        assertThat(layoutOf("ledger-projection")).isEqualTo(4);
    }

    @Test
    void aProcessorStillStartingIsShutDownForItsResetOnlyOnceItsWorkerRuns() {
        database.getCollection("contracts").insertOne(new Document("_id", "c-1"));
        EventTrackerStatus starting = mock(EventTrackerStatus.class);
        EventTrackerStatus running = mock(EventTrackerStatus.class);
        when(running.isCaughtUp()).thenReturn(true);
        // Not yet assigned, then assigned with its worker not yet run, then running.
        when(contracts.processingStatus()).thenReturn(Map.of(), Map.of(0, starting), Map.of(0, running));

        new ReadModelFormats(processing, database).rebuildOutdatedReadModels();

        InOrder replay = inOrder(contracts);
        replay.verify(contracts, times(3)).processingStatus();
        replay.verify(contracts).shutDown();
        replay.verify(contracts).resetTokens();
        replay.verify(contracts).start();
    }

    @Test
    void whenTheReplayCannotStartTheOldLayoutStaysRecordedAndTheProcessorRunsOn() {
        database.getCollection("contracts").insertOne(new Document("_id", "c-1"));
        doThrow(new IllegalStateException("segments claimed by another instance")).when(contracts).resetTokens();

        new ReadModelFormats(processing, database).rebuildOutdatedReadModels();

        verify(contracts).start();
        assertThat(database.getCollection("read_model_formats").find(Filters.eq("_id", "contract-projection")).first())
                .as("nothing recorded, so the next start tries again").isNull();
    }

    private int layoutOf(String group) {
        return database.getCollection("read_model_formats").find(Filters.eq("_id", group)).first().getInteger("layout");
    }
}
