package io.freelance.ledger.query.ledger;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.ledger.MoneyMovement;
import io.freelance.ledger.query.testsupport.Entries;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerProjectionTest {

    private static final String CONTRACT = "contract-1";
    private static final LedgerAccount CLIENT_CHARGES = LedgerAccounts.clientCharges("alice");
    private static final LedgerAccount ESCROW = LedgerAccounts.escrow(CONTRACT);
    private static final LedgerAccount PENDING = LedgerAccounts.freelancerPending("carol");
    private static final Instant RECORDED_AT = Instant.parse("2026-10-01T12:00:00Z");

    private static InMemoryMongo mongo;
    private static MongoDatabase database;
    private static LedgerStore store;
    private static LedgerProjection projection;
    private static LedgerReadModel readModel;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        database = mongo.database("ledger-projection-test");
        AccountLists accountLists = new AccountLists(database);
        store = new LedgerStore(database, accountLists);
        projection = new LedgerProjection(store, new TokenPositions());
        readModel = new LedgerReadModel(database, accountLists);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyLedger() {
        store.deleteAll();
    }

    @Test
    void fundingMovesMoneyExactlyToTheCent() {
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "500.00", "25.00"), 10);

        assertThat(balance(CLIENT_CHARGES)).isEqualTo(usd("-525.00"));
        assertThat(balance(ESCROW)).isEqualTo(usd("500.00"));
        assertThat(balance(LedgerAccounts.MARKETPLACE_FEES)).isEqualTo(usd("25.00"));
        Document entry = database.getCollection(LedgerFields.JOURNAL_ENTRIES).find(new Document("_id", "e-1")).first();
        assertThat(entry.getLong(LedgerFields.POSITION)).isEqualTo(10);
        assertThat(entry.getString(LedgerFields.EVENT_TYPE)).isNotBlank();
        assertThat(entry.getDate(LedgerFields.RECORDED_AT).toInstant()).isEqualTo(RECORDED_AT);
        assertThat(entry.getDate(LedgerFields.EFFECTIVE_AT)).isNotNull();
        assertThat(entry.getList(LedgerFields.LEGS, Document.class)).hasSize(3);
    }

    @Test
    void postingsCarryTheBalanceEachEntryLeft() {
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "0.10", "0.01"), 10);
        apply(Entries.funding("e-2", "alice", CONTRACT, "m-2", "0.20", "0.01"), 12);
        apply(Entries.release("e-3", "carol", CONTRACT, "m-1", "0.30", "0.03"), 15);

        assertThat(balance(ESCROW)).isEqualTo(usd("0.00"));
        assertThat(balance(PENDING)).isEqualTo(usd("0.27"));
        List<LedgerPosting> statement = readModel.statement(ESCROW.name(), "USD", 10, null);
        assertThat(statement).extracting(LedgerPosting::entryId).containsExactly("e-3", "e-2", "e-1");
        assertThat(statement).extracting(LedgerPosting::amount).containsExactly(usd("-0.30"), usd("0.20"), usd("0.10"));
        assertThat(statement).extracting(LedgerPosting::balanceAfter).containsExactly(usd("0.00"), usd("0.30"), usd("0.10"));
        assertThat(statement.get(0).cause()).isEqualTo(EntryCause.milestone("milestone-release", CONTRACT, "m-1"));
    }

    @Test
    void statementPagesFollowThePosition() {
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "10.00", "0.50"), 1);
        apply(Entries.funding("e-2", "alice", CONTRACT, "m-2", "20.00", "1.00"), 2);
        apply(Entries.funding("e-3", "alice", CONTRACT, "m-3", "30.00", "1.50"), 3);

        List<LedgerPosting> firstPage = readModel.statement(ESCROW.name(), "USD", 2, null);
        assertThat(firstPage).extracting(LedgerPosting::entryId).containsExactly("e-3", "e-2", "e-1");
        List<LedgerPosting> secondPage = readModel.statement(ESCROW.name(), "USD", 2, 2L);
        assertThat(secondPage).extracting(LedgerPosting::entryId).containsExactly("e-1");
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        JournalEntry funding = Entries.funding("e-1", "alice", CONTRACT, "m-1", "500.00", "25.00");
        apply(funding, 10);
        List<Document> once = snapshot();

        apply(funding, 10);

        assertThat(snapshot()).isEqualTo(once);
        assertThat(balance(ESCROW)).isEqualTo(usd("500.00"));
    }

    @Test
    void anEntryCarriedAgainByALaterEventIsNotCountedTwice() {
        JournalEntry funding = Entries.funding("e-1", "alice", CONTRACT, "m-1", "500.00", "25.00");
        apply(funding, 10);

        apply(funding, 11);

        assertThat(balance(ESCROW)).isEqualTo(usd("500.00"));
        assertThat(readModel.statement(ESCROW.name(), "USD", 10, null)).hasSize(1);
    }

    @Test
    void aRetryAfterAPartialWriteCompletesWithoutCountingTwice() {
        JournalEntry funding = Entries.funding("e-1", "alice", CONTRACT, "m-1", "500.00", "25.00");
        apply(funding, 10);
        // As if the postings were written but the process died before the balances were.
        database.getCollection(LedgerFields.BALANCES).deleteMany(new Document());
        database.getCollection(LedgerFields.POSTINGS).deleteOne(new Document(LedgerFields.ACCOUNT, ESCROW.name()));

        apply(funding, 10);

        assertThat(balance(ESCROW)).isEqualTo(usd("500.00"));
        assertThat(balance(CLIENT_CHARGES)).isEqualTo(usd("-525.00"));
        assertThat(readModel.statement(ESCROW.name(), "USD", 10, null)).extracting(LedgerPosting::balanceAfter)
                .containsExactly(usd("500.00"));
    }

    @Test
    void anEventCommittedLateIsAppliedOnceInLedgerOrder() {
        // Two transactions took positions 10 and 12; the one at 12 committed first, so the processor
        // sees it first and the one at 10 when it fills the gap.
        apply(Entries.funding("e-2", "alice", CONTRACT, "m-2", "20.00", "1.00"), 12);
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "10.00", "0.50"), 10);
        assertThat(balance(ESCROW)).isEqualTo(usd("30.00"));
        assertThat(balance(CLIENT_CHARGES)).isEqualTo(usd("-31.50"));

        // Seeing it again (a retried batch) changes nothing.
        List<Document> before = snapshot();
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "10.00", "0.50"), 10);
        assertThat(snapshot()).isEqualTo(before);

        // The statement follows the order the ledger applied them, each balance from the one before.
        assertEscrowStatement(List.of("e-2", "e-1"), List.of(2000L, 3000L));
    }

    @Test
    void anEntryRecordedBeforeACrashAndPassedAfterTheRestartIsAppliedOnceWithNewPostingNumbers() {
        // Before the crash the processor saw the event at 12 first (the one at 10 had not committed yet): its entry was
        // recorded, and the read-model file kept that record but not its postings.
        JournalEntry seenFirst = Entries.funding("e-12", "alice", CONTRACT, "m-2", "20.00", "1.00");
        apply(seenFirst, 12);
        database.getCollection(LedgerFields.POSTINGS).deleteMany(new Document());
        database.getCollection(LedgerFields.BALANCES).deleteMany(new Document());
        // After the restart both are committed and are read in order: 10 first takes the accounts' first posting numbers.
        apply(Entries.funding("e-10", "alice", CONTRACT, "m-1", "10.00", "0.50"), 10);

        apply(seenFirst, 12);

        assertThat(balance(ESCROW)).isEqualTo(usd("30.00"));
        assertThat(balance(CLIENT_CHARGES)).isEqualTo(usd("-31.50"));
        assertThat(balance(LedgerAccounts.MARKETPLACE_FEES)).isEqualTo(usd("1.50"));
        assertEscrowStatement(List.of("e-10", "e-12"), List.of(1000L, 3000L));

        assertRetriesChangeNothing(seenFirst, 12, Entries.funding("e-10", "alice", CONTRACT, "m-1", "10.00", "0.50"), 10);
    }

    /**
     * Found by the crash test: the read-model file kept an entry's postings but not its balance writes, and after
     * the restart an earlier event, committed late, came first and planned the same posting numbers. Its postings
     * could not be written (the numbers were taken) while its balances moved; the retried entry then found its own
     * postings and balances past its sequence, took its legs for applied, and its money was never counted.
     */
    @Test
    void postingsKeptWithoutTheirBalancesAreCountedBeforeAnEarlierEventTakesTheirNumbers() {
        JournalEntry seenFirst = Entries.funding("e-12", "alice", CONTRACT, "m-2", "20.00", "1.00");
        apply(seenFirst, 12);
        database.getCollection(LedgerFields.BALANCES).deleteMany(new Document());

        apply(Entries.funding("e-10", "alice", CONTRACT, "m-1", "10.00", "0.50"), 10);
        apply(seenFirst, 12);

        assertThat(balance(ESCROW)).isEqualTo(usd("30.00"));
        assertThat(balance(CLIENT_CHARGES)).isEqualTo(usd("-31.50"));
        assertThat(balance(LedgerAccounts.MARKETPLACE_FEES)).isEqualTo(usd("1.50"));
        assertThat(readModel.trialBalance("USD").total()).isEqualTo(usd("0.00"));
        assertEscrowStatement(List.of("e-12", "e-10"), List.of(2000L, 3000L));
        assertRetriesChangeNothing(seenFirst, 12, Entries.funding("e-10", "alice", CONTRACT, "m-1", "10.00", "0.50"), 10);
    }

    /** The same crash, with the balance written for one leg and not the others, on accounts that had moved before. */
    @Test
    void aBalanceWriteLostForSomeLegsOnlyIsFinishedOnceWhicheverEntryComesNext() {
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "100.00", "5.00"), 5);
        apply(Entries.funding("e-12", "alice", CONTRACT, "m-3", "20.00", "1.00"), 12);
        MongoCollection<Document> balances = database.getCollection(LedgerFields.BALANCES);
        // The escrow's and the fees' balance writes of e-12 are lost; the client's was kept.
        balances.updateOne(new Document("_id", LedgerFields.balanceId(ESCROW.name(), "USD")),
                new Document("$inc", new Document(LedgerFields.BALANCE_MINOR_UNITS, -2000L).append(LedgerFields.POSTING_COUNT, -1L)));
        balances.updateOne(new Document("_id", LedgerFields.balanceId(LedgerAccounts.MARKETPLACE_FEES.name(), "USD")),
                new Document("$inc", new Document(LedgerFields.BALANCE_MINOR_UNITS, -100L).append(LedgerFields.POSTING_COUNT, -1L)));

        apply(Entries.funding("e-10", "alice", CONTRACT, "m-2", "10.00", "0.50"), 10);
        apply(Entries.funding("e-12", "alice", CONTRACT, "m-3", "20.00", "1.00"), 12);

        assertThat(balance(ESCROW)).isEqualTo(usd("130.00"));
        assertThat(balance(CLIENT_CHARGES)).isEqualTo(usd("-136.50"));
        assertThat(balance(LedgerAccounts.MARKETPLACE_FEES)).isEqualTo(usd("6.50"));
        assertThat(readModel.trialBalance("USD").total()).isEqualTo(usd("0.00"));
    }

    @Test
    void anUnbalancedEntryIsRejectedAndRecordsNothing() {
        // JournalEntry refuses to be built unbalanced, so only a forged one can reach the projection.
        JournalEntry forged = mock(JournalEntry.class);
        when(forged.entryId()).thenReturn("e-forged");
        when(forged.legs()).thenReturn(List.of(
                new JournalLeg(CLIENT_CHARGES, usd("-10.00")),
                new JournalLeg(ESCROW, usd("9.99"))));
        MoneyMovement movement = () -> forged;

        assertThatThrownBy(() -> projection.on(movement, "event-10", new GlobalSequenceTrackingToken(10), RECORDED_AT))
                .isInstanceOf(UnbalancedJournalEntryException.class)
                .hasMessageContaining("e-forged")
                .hasMessageContaining("does not balance");
        assertThat(snapshot()).isEmpty();
    }

    @Test
    void eachCurrencyMustBalanceOnItsOwn() {
        JournalEntry forged = mock(JournalEntry.class);
        when(forged.entryId()).thenReturn("e-mixed");
        when(forged.legs()).thenReturn(List.of(
                new JournalLeg(CLIENT_CHARGES, usd("-10.00")),
                new JournalLeg(ESCROW, Money.of("10.00", "EUR"))));

        assertThatThrownBy(() -> LedgerInvariants.requireBalanced(forged))
                .isInstanceOf(UnbalancedJournalEntryException.class);
    }

    @Test
    void currenciesWithoutCentsAreKeptInWholeUnits() {
        apply(Entries.entry("e-yen", EntryCause.contract("milestone-funding", CONTRACT),
                new JournalLeg(CLIENT_CHARGES, Money.of("-1050", "JPY")),
                new JournalLeg(ESCROW, Money.of("1000", "JPY")),
                new JournalLeg(LedgerAccounts.MARKETPLACE_FEES, Money.of("50", "JPY"))), 3);

        assertThat(readModel.balance(ESCROW.name(), "JPY").orElseThrow().balance()).isEqualTo(Money.of("1000", "JPY"));
        assertThat(readModel.trialBalance("JPY").total()).isEqualTo(Money.zero("JPY"));
    }

    @Test
    void trialBalanceNetsToZeroAndListsEveryAccount() {
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "500.00", "25.00"), 10);
        apply(Entries.release("e-2", "carol", CONTRACT, "m-1", "400.00", "40.00"), 11);
        apply(Entries.refund("e-3", "alice", CONTRACT, "100.00"), 12);

        TrialBalance trialBalance = readModel.trialBalance("USD");

        assertThat(trialBalance.balanced()).isTrue();
        assertThat(trialBalance.total()).isEqualTo(usd("0.00"));
        assertThat(trialBalance.accountCount()).isEqualTo(6);
        assertThat(trialBalance.accounts()).extracting(AccountBalance::account).containsExactly(
                Stream.of(CLIENT_CHARGES, LedgerAccounts.clientRefunds("alice"), ESCROW, PENDING,
                        LedgerAccounts.MARKETPLACE_FEES, LedgerAccounts.SERVICE_FEES).map(LedgerAccount::name).toArray(String[]::new));
    }

    @Test
    void personalAccountsAreFoundByTheirOwner() {
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "500.00", "25.00"), 10);

        assertThat(readModel.balancesOwnedBy("alice")).extracting(AccountBalance::account).containsExactly(CLIENT_CHARGES.name());
        assertThat(readModel.balancesOwnedBy("bob")).isEmpty();
    }

    @Test
    void balancesAndLegsCarryTheirAccountsKindAndOwner() {
        apply(Entries.release("e-1", "carol", CONTRACT, "m-1", "100.00", "10.00"), 10);

        assertThat(stored(LedgerFields.BALANCES, PENDING.name() + "|USD"))
                .containsEntry(LedgerFields.KIND, "FREELANCER_PENDING").containsEntry(LedgerFields.OWNER_ID, "carol");
        assertThat(stored(LedgerFields.BALANCES, ESCROW.name() + "|USD"))
                .containsEntry(LedgerFields.KIND, "ESCROW").containsEntry(LedgerFields.OWNER_ID, CONTRACT);
        assertThat(stored(LedgerFields.BALANCES, LedgerAccounts.SERVICE_FEES.name() + "|USD"))
                .containsEntry(LedgerFields.KIND, "SERVICE_FEES").containsEntry(LedgerFields.OWNER_ID, null);
        assertThat(stored(LedgerFields.JOURNAL_ENTRIES, "e-1").getList(LedgerFields.LEGS, Document.class))
                .extracting(leg -> leg.getString(LedgerFields.KIND), leg -> leg.getString(LedgerFields.OWNER_ID))
                .containsExactly(tuple("ESCROW", CONTRACT), tuple("FREELANCER_PENDING", "carol"), tuple("SERVICE_FEES", null));
    }

    @Test
    void anEscrowAccountIsListedForNoUserEvenWhenItsContractIdIsAUserId() {
        apply(Entries.funding("e-1", "alice", "carol", "m-1", "100.00", "5.00"), 10);

        assertThat(readModel.balancesOwnedBy("carol")).isEmpty();
        assertThat(readModel.balancesOwnedBy("alice")).extracting(AccountBalance::account)
                .containsExactly(CLIENT_CHARGES.name());
    }

    @Test
    void aReplayTokenGivesThePositionOfTheEventBeingReplayed() {
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(20), new GlobalSequenceTrackingToken(7));
        JournalEntry funding = Entries.funding("e-1", "alice", CONTRACT, "m-1", "500.00", "25.00");

        projection.on(() -> funding, "event-7", replaying, RECORDED_AT);

        Document entry = database.getCollection(LedgerFields.JOURNAL_ENTRIES).find(new Document("_id", "e-1")).first();
        assertThat(entry.getLong(LedgerFields.POSITION)).isEqualTo(7);
    }

    @Test
    void aMovementWithoutAnEntryWritesNothingAndLaterEntriesStillApply() {
        apply(Entries.funding("e-1", "alice", CONTRACT, "m-1", "100.00", "5.00"), 10);
        List<Document> before = snapshot();

        // A milestone paid entirely from money already in escrow carries no entry.
        projection.on(() -> null, "event-11", new GlobalSequenceTrackingToken(11), RECORDED_AT);

        assertThat(snapshot()).isEqualTo(before);
        apply(Entries.funding("e-2", "alice", CONTRACT, "m-2", "50.00", "2.50"), 12);
        assertThat(balance(ESCROW)).isEqualTo(Money.of("150.00", "USD"));
    }

    private static void apply(JournalEntry entry, long position) {
        projection.on(() -> entry, "event-" + position, new GlobalSequenceTrackingToken(position), RECORDED_AT);
    }

    private static Money balance(LedgerAccount account) {
        return readModel.balance(account.name(), "USD").orElseThrow().balance();
    }

    private static Document stored(String collection, String id) {
        return database.getCollection(collection).find(new Document("_id", id)).first();
    }

    /** The escrow's postings in statement order: which entry each came from, and the balance it left. */
    private static void assertEscrowStatement(List<String> entryIds, List<Long> balancesAfter) {
        List<Document> escrowPostings = database.getCollection(LedgerFields.POSTINGS)
                .find(new Document(LedgerFields.ACCOUNT, ESCROW.name())).sort(new Document(LedgerFields.NUMBER, 1))
                .into(new ArrayList<>());
        assertThat(escrowPostings).extracting(posting -> posting.getString(LedgerFields.ENTRY_ID)).containsExactlyElementsOf(entryIds);
        assertThat(escrowPostings).extracting(posting -> posting.getLong(LedgerFields.BALANCE_AFTER_MINOR_UNITS))
                .containsExactlyElementsOf(balancesAfter);
    }

    /** A further retry of either event changes nothing. */
    private static void assertRetriesChangeNothing(JournalEntry one, long onePosition, JournalEntry other, long otherPosition) {
        List<Document> applied = snapshot();
        apply(one, onePosition);
        apply(other, otherPosition);
        assertThat(snapshot()).isEqualTo(applied);
    }

    private static List<Document> snapshot() {
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of(LedgerFields.JOURNAL_ENTRIES, LedgerFields.BALANCES, LedgerFields.POSTINGS)) {
            database.getCollection(collection).find().sort(new Document("_id", 1)).into(documents);
        }
        return documents;
    }
}
