package io.freelance.ledger.query.ledger.chain;

import static io.freelance.ledger.query.testsupport.Entries.funding;
import static io.freelance.ledger.query.testsupport.Entries.refund;
import static io.freelance.ledger.query.testsupport.Entries.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.chain.ChainBreak.Kind;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import io.freelance.ledger.query.testsupport.InterruptibleReadStore;
import io.freelance.ledger.query.testsupport.InterruptibleReadStore.Interrupted;
import io.freelance.ledger.query.testsupport.LedgerChainFixture;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The third entry's handling stops part-way (a crash, or a failure that sends its event to the
 * dead-letter queue); later entries and the retry must still leave one chain, without a fork, holding
 * every recorded entry exactly once.
 */
class JournalChainInterruptionTest {

    private static final int THIRD = 2;

    private static InMemoryMongo mongo;
    private static InterruptibleReadStore store;
    private LedgerChainFixture ledger;

    /** The write the third entry's handling stops before, and whether its entry is recorded by then. */
    enum Interruption {
        BEFORE_ITS_CHAIN_ROW(LedgerFields.JOURNAL_CHAIN, 3L, false),
        BEFORE_ITS_ENTRY_IS_RECORDED(LedgerFields.JOURNAL_ENTRIES, "e-3", false),
        BEFORE_THE_HEAD_MOVES(LedgerFields.JOURNAL_CHAIN, "head", true),
        BEFORE_ITS_POSTINGS(LedgerFields.POSTINGS, null, true);

        private final String collection;
        private final Object documentId;
        private final boolean entryRecorded;

        Interruption(String collection, Object documentId, boolean entryRecorded) {
            this.collection = collection;
            this.documentId = documentId;
            this.entryRecorded = entryRecorded;
        }
    }

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        store = new InterruptibleReadStore(mongo.database("journal-chain-interruption-test"));
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void twoEntries() {
        ledger = new LedgerChainFixture(store.database());
        ledger.record(funding("e-1", "alice", "c-1", "m-1", "500.00", "25.00"));
        ledger.record(funding("e-2", "bob", "c-2", "m-1", "80.00", "4.00"));
    }

    @ParameterizedTest
    @EnumSource(Interruption.class)
    void anEntryDeadLetteredWhileLaterOnesWentOnIsChainedOnceWhenRetried(Interruption interruption) {
        recordThirdInterruptedBefore(interruption);
        recordFourthAndFifth();
        assertChainHoldsEveryRecordedEntryOnce(interruption.entryRecorded ? 5 : 4);

        ledger.redeliver(THIRD);

        assertChainHoldsEveryRecordedEntryOnce(5);
        // Recorded before the failure, it keeps its place; otherwise it is applied now, after the others.
        assertThat(ledger.verifier().head().entryId()).isEqualTo(interruption.entryRecorded ? "e-5" : "e-3");
        assertThat(sequenceOf("e-3")).isEqualTo(interruption.entryRecorded ? 3 : 6);
    }

    @ParameterizedTest
    @EnumSource(Interruption.class)
    void anEntryRetriedRightAfterACrashIsChainedOnce(Interruption interruption) {
        recordThirdInterruptedBefore(interruption);

        ledger.redeliver(THIRD);
        recordFourthAndFifth();

        assertChainHoldsEveryRecordedEntryOnce(5);
        assertThat(ledger.verifier().head().entryId()).isEqualTo("e-5");
    }

    @Test
    void aRetryOfAnEntryAlreadyOnTheChainChangesNothing() {
        recordThirdInterruptedBefore(Interruption.BEFORE_THE_HEAD_MOVES);
        recordFourthAndFifth();
        ledger.redeliver(THIRD);
        ChainHead head = ledger.verifier().head();
        List<Document> rows = chainRows();

        ledger.redeliver(THIRD);

        assertThat(ledger.verifier().head()).isEqualTo(head);
        assertThat(chainRows()).isEqualTo(rows);
        assertChainHoldsEveryRecordedEntryOnce(5);
    }

    @Test
    void anEntryAlteredAfterItsAppendWasInterruptedIsStillFound() {
        recordThirdInterruptedBefore(Interruption.BEFORE_THE_HEAD_MOVES);
        recordFourthAndFifth();
        entries().updateOne(Filters.eq("_id", "e-3"), Updates.set("cause.contractId", "c-9"));

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.ENTRY_ALTERED);
        assertThat(found.sequence()).isEqualTo(3);
        assertThat(found.differences()).containsExactly("cause.contractId: event store c-1, stored entry c-9");
    }

    @Test
    void anEntryPastTheHeadWhoseLinkWasRewrittenIsNotTakenIntoTheChainAndIsReported() {
        recordThirdInterruptedBefore(Interruption.BEFORE_THE_HEAD_MOVES);
        entries().updateOne(Filters.eq("_id", "e-3"), Updates.set(ChainLink.PREVIOUS_HASH, "1".repeat(64)));

        recordFourthAndFifth();

        ChainBreak found = ledger.verifier().verify().firstBreak();
        assertThat(found.kind()).isEqualTo(Kind.LINK_ALTERED);
        assertThat(found.sequence()).isEqualTo(3);
        assertThat(found.entryId()).isEqualTo("e-3");
    }

    private void recordThirdInterruptedBefore(Interruption interruption) {
        store.interruptNextWrite(interruption.collection, interruption.documentId);
        assertThatThrownBy(() -> ledger.record(release("e-3", "carol", "c-1", "m-1", "500.00", "50.00")))
                .isInstanceOf(Interrupted.class);
        assertThat(entries().find(Filters.eq("_id", "e-3")).first() != null).isEqualTo(interruption.entryRecorded);
    }

    private void recordFourthAndFifth() {
        ledger.record(refund("e-4", "bob", "c-2", "80.00"));
        ledger.record(funding("e-5", "alice", "c-1", "m-2", "200.00", "10.00"));
    }

    /**
     * The walk holds up to the head, each recorded entry is on the chain once, and no two entries name the same
     * previous link (a fork would leave one of them off the walked chain).
     */
    private void assertChainHoldsEveryRecordedEntryOnce(int recordedEntries) {
        ChainVerification verification = ledger.verifier().verify();
        assertThat(verification.ok()).as("%s", verification.firstBreak()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(recordedEntries);
        List<String> recorded = new ArrayList<>();
        List<String> previousHashes = new ArrayList<>();
        entries().find().forEach(entry -> {
            recorded.add(entry.getString("_id"));
            previousHashes.add(entry.getString(ChainLink.PREVIOUS_HASH));
        });
        assertThat(recorded).hasSize(recordedEntries);
        assertThat(chainRows()).extracting(row -> row.getString("entryId"))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(previousHashes).doesNotHaveDuplicates();
    }

    private static List<Document> chainRows() {
        List<Document> rows = new ArrayList<>();
        database().getCollection(LedgerFields.JOURNAL_CHAIN).find(Filters.ne("_id", "head"))
                .sort(new Document("_id", 1)).into(rows);
        return rows;
    }

    private static long sequenceOf(String entryId) {
        return entries().find(Filters.eq("_id", entryId)).first().getLong(LedgerFields.SEQUENCE);
    }

    private static MongoCollection<Document> entries() {
        return database().getCollection(LedgerFields.JOURNAL_ENTRIES);
    }

    private static MongoDatabase database() {
        return mongo.database("journal-chain-interruption-test");
    }
}
