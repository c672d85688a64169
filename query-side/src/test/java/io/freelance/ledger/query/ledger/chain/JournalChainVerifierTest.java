package io.freelance.ledger.query.ledger.chain;

import static io.freelance.ledger.query.testsupport.Entries.funding;
import static io.freelance.ledger.query.testsupport.Entries.release;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.chain.ChainBreak.Kind;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import io.freelance.ledger.query.testsupport.LedgerChainFixture;
import io.freelance.ledger.query.testsupport.LedgerChainFixture.Moved;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalChainVerifierTest {

    private static InMemoryMongo mongo;
    private static MongoDatabase database;
    private LedgerChainFixture ledger;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        database = mongo.database("journal-chain-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyLedger() {
        ledger = new LedgerChainFixture(database);
        ledger.record(funding("e-1", "alice", "c-1", "m-1", "500.00", "25.00"));
        ledger.record(funding("e-2", "bob", "c-2", "m-1", "80.00", "4.00"));
        ledger.record(release("e-3", "carol", "c-1", "m-1", "500.00", "50.00"));
    }

    @Test
    void anUntouchedChainHoldsUpToItsHead() {
        ChainVerification verification = ledger.verifier().verify();

        assertThat(verification.ok()).as("%s", verification.firstBreak()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(3);
        assertThat(verification.head().sequence()).isEqualTo(3);
        assertThat(verification.head().entryId()).isEqualTo("e-3");
    }

    @Test
    void everyEntryCarriesItsHashAndThePreviousOnesInLedgerOrder() {
        Document first = entry("e-1");
        Document second = entry("e-2");

        assertThat(first.getString(ChainLink.PREVIOUS_HASH)).isEqualTo(CanonicalEntry.GENESIS_HASH);
        assertThat(second.getString(ChainLink.PREVIOUS_HASH)).isEqualTo(first.getString(ChainLink.HASH));
        assertThat(second.getString(ChainLink.HASH)).matches("[0-9a-f]{64}");
        assertThat(second.getString(ChainLink.EVENT_ID)).isEqualTo(ledger.eventIdAt(1));
    }

    @Test
    void anAlteredEventIsFoundAndNamed() {
        JournalEntry original = ledger.entryAt(1);
        ledger.alterEventAt(1, new Moved(funding("e-2", "bob", "c-2", "m-1", "800.00", "40.00")));

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.EVENT_ALTERED);
        assertThat(found.sequence()).isEqualTo(2);
        assertThat(found.entryId()).isEqualTo(original.entryId());
        assertThat(found.eventId()).isEqualTo(ledger.eventIdAt(1));
        assertThat(found.eventPosition()).isEqualTo(1);
        assertThat(found.storedHash()).isEqualTo(entry("e-2").getString(ChainLink.HASH)).isNotEqualTo(found.expectedHash());
        assertThat(found.differences()).contains("legs[1].amount: recorded 80.00, event store now 800.00");
        assertThat(found.description()).contains(ledger.eventIdAt(1)).contains("position 1");
    }

    @Test
    void aMissingEventIsFound() {
        ledger.removeEventAt(2);

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.EVENT_MISSING);
        assertThat(found.sequence()).isEqualTo(3);
        assertThat(found.eventPosition()).isEqualTo(2);
    }

    @Test
    void anAlteredStoredEntryIsFound() {
        entries().updateOne(Filters.eq("_id", "e-1"), Updates.set("cause.contractId", "c-9"));

        ChainVerification verification = ledger.verifier().verify();

        assertThat(verification.entriesChecked()).isZero();
        ChainBreak found = verification.firstBreak();
        assertThat(found.kind()).isEqualTo(Kind.ENTRY_ALTERED);
        assertThat(found.entryId()).isEqualTo("e-1");
        assertThat(found.expectedHash()).isEqualTo(found.storedHash()).isNotEqualTo(found.entryContentHash());
        assertThat(found.differences()).containsExactly("cause.contractId: event store c-1, stored entry c-9");
    }

    @Test
    void aStoredEntryEditedOutOfBalanceIsFound() {
        entries().updateOne(Filters.eq("_id", "e-2"), Updates.set("legs.1.amount.amount", new org.bson.types.Decimal128(
                new java.math.BigDecimal("8.00"))));

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.ENTRY_ALTERED);
        assertThat(found.sequence()).isEqualTo(2);
        assertThat(found.differences()).singleElement().asString().contains("does not balance");
    }

    @Test
    void aReplacedStoredHashIsFound() {
        entries().updateOne(Filters.eq("_id", "e-2"), Updates.set(ChainLink.HASH, "0".repeat(64)));

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.ENTRY_ALTERED);
        assertThat(found.sequence()).isEqualTo(2);
        assertThat(found.differences()).isEmpty();
        assertThat(found.description()).contains("the hash was changed");
    }

    @Test
    void aRemovedEntryIsFound() {
        entries().deleteOne(Filters.eq("_id", "e-2"));

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.ENTRY_MISSING);
        assertThat(found.sequence()).isEqualTo(2);
        assertThat(found.entryId()).isEqualTo("e-2");
    }

    @Test
    void anEntryRemovedWithItsChainRowIsFoundFromTheLinkOfTheNextOne() {
        entries().deleteOne(Filters.eq("_id", "e-2"));
        database.getCollection(LedgerFields.JOURNAL_CHAIN).deleteOne(Filters.eq("_id", 2L));

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.ENTRY_MISSING);
        assertThat(found.sequence()).isEqualTo(2);
        assertThat(found.description()).contains("e-3");
    }

    @Test
    void theLastEntryRemovedIsFoundFromTheHead() {
        entries().deleteOne(Filters.eq("_id", "e-3"));
        database.getCollection(LedgerFields.JOURNAL_CHAIN).deleteOne(Filters.eq("_id", 3L));

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.HEAD_MISMATCH);
        assertThat(found.sequence()).isEqualTo(3);
    }

    @Test
    void aRewrittenLinkIsFound() {
        entries().updateOne(Filters.eq("_id", "e-3"), Updates.set(ChainLink.PREVIOUS_HASH, "1".repeat(64)));

        ChainBreak found = ledger.verifier().verify().firstBreak();

        assertThat(found.kind()).isEqualTo(Kind.LINK_ALTERED);
        assertThat(found.sequence()).isEqualTo(3);
        assertThat(found.expectedHash()).isEqualTo(entry("e-2").getString(ChainLink.HASH));
    }

    @Test
    void aRetriedEventReusesItsLinkAndAppendsNothing() {
        Document before = entry("e-3");
        ChainHead head = ledger.verifier().head();

        ledger.redeliver(2);

        assertThat(entry("e-3").getString(ChainLink.HASH)).isEqualTo(before.getString(ChainLink.HASH));
        assertThat(ledger.verifier().head()).isEqualTo(head);
        assertThat(ledger.verifier().verify().ok()).isTrue();
    }

    @Test
    void aRetryFinishesAnAppendThatStoppedAfterTheEntryWasRecorded() {
        ChainHead afterTwo = new ChainHead(2, "e-2", entry("e-2").getString(ChainLink.HASH), null);
        ledger.resetHeadTo(afterTwo);
        assertThat(ledger.verifier().verify().entriesChecked()).isEqualTo(2);

        ledger.redeliver(2);
        ledger.record(refundOf("e-4"));

        ChainVerification verification = ledger.verifier().verify();
        assertThat(verification.ok()).as("%s", verification.firstBreak()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(4);
    }

    @Test
    void anEntryRepeatedByAnotherEventLeavesAGapTheChainStepsOver() {
        ledger.record(funding("e-1", "alice", "c-1", "m-1", "500.00", "25.00"));
        ledger.record(refundOf("e-4"));

        ChainVerification verification = ledger.verifier().verify();

        assertThat(verification.ok()).as("%s", verification.firstBreak()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(4);
        assertThat(verification.head().sequence()).isEqualTo(5);
    }

    @Test
    void theChainStillReachesAnAnchorTakenEarlier() {
        ChainAnchor anchor = ChainAnchor.of(ledger.verifier().head(), java.time.Instant.now());
        ledger.record(refundOf("e-4"));

        ChainVerification verification = ledger.verifier().verify(anchor);

        assertThat(verification.ok()).isTrue();
        assertThat(verification.anchorReached()).isTrue();
    }

    @Test
    void anAnchorWhoseHashTheChainNoLongerHasIsReported() {
        ChainAnchor anchor = new ChainAnchor(2, "e-2", "f".repeat(64), java.time.Instant.now());

        ChainVerification verification = ledger.verifier().verify(anchor);

        assertThat(verification.anchorReached()).isFalse();
        assertThat(verification.firstBreak().kind()).isEqualTo(Kind.ANCHOR_MISMATCH);
        assertThat(verification.firstBreak().sequence()).isEqualTo(2);
    }

    @Test
    void anAnchorBeyondTheHeadIsNotReached() {
        ChainAnchor anchor = new ChainAnchor(9, null, "f".repeat(64), java.time.Instant.now());

        ChainVerification verification = ledger.verifier().verify(anchor);

        assertThat(verification.anchorReached()).isFalse();
        assertThat(verification.firstBreak().kind()).isEqualTo(Kind.ANCHOR_MISMATCH);
    }

    @Test
    void aResetEmptiesTheChainWithTheLedger() {
        ledger.store().deleteAll();

        ChainVerification verification = ledger.verifier().verify();

        assertThat(verification.ok()).isTrue();
        assertThat(verification.entriesChecked()).isZero();
        assertThat(verification.head()).isEqualTo(ChainHead.EMPTY);
    }

    private static JournalEntry refundOf(String entryId) {
        return io.freelance.ledger.query.testsupport.Entries.refund(entryId, "bob", "c-2", "80.00");
    }

    private static MongoCollection<Document> entries() {
        return database.getCollection(LedgerFields.JOURNAL_ENTRIES);
    }

    private static Document entry(String entryId) {
        return entries().find(Filters.eq("_id", entryId)).first();
    }
}
