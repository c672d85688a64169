package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.chain.ChainLink;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Concurrent commands commit out of order: an event can reach the ledger after one with a higher global
 * position, and its tracking token then carries that higher position. The ledger must still record the
 * event's own position, or the journal chain points at another event and finance's verification fails.
 * Here a funding command's transaction is held open until a later funding has committed and been applied.
 */
class LateCommitPositionTest extends StandaloneTestBase {

    private static final String VERIFY = "{ verifyJournalChain { ok entriesChecked firstBreak { kind description } } }";

    @Autowired
    CommandSender commandSender;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MongoDatabase readModelDatabase;

    @Test
    void anEventCommittedAfterALaterOneIsRecordedAtItsOwnPosition() throws Exception {
        Funding late = acceptedContract();
        Funding early = acceptedContract();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> lateFunding = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(transaction -> {
                    // The command joins this transaction: its event has its position now, and commits when this ends.
                    commandSender.send(new FundMilestoneCommand(EscrowAccountId.forContract(late.contractId()),
                            late.milestoneId(), unique("late")), new Caller(new Actor(ALICE.id(), Role.CLIENT), unique("request")));
                    appended.countDown();
                    awaitQuietly(commit);
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).as("the late funding appended its event").isTrue();
        api.fund(ALICE, early.contractId(), early.milestoneId(), unique("early")).dataAt("fundMilestone.contract");
        commit.countDown();
        lateFunding.get(30, TimeUnit.SECONDS);

        StoredFunding lateRow = fundingRow(late.contractId());
        StoredFunding earlyRow = fundingRow(early.contractId());
        assertThat(lateRow.position()).as("the late funding's position").isLessThan(earlyRow.position());
        eventually(() -> assertThat(recordedPosition(lateRow.eventId())).isEqualTo(lateRow.position()));
        assertThat(recordedPosition(earlyRow.eventId())).isEqualTo(earlyRow.position());
        JsonNode verification = api.call(ERIN, VERIFY, Map.of()).dataAt("verifyJournalChain");
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
    }

    private record Funding(String contractId, String milestoneId) {
    }

    private record StoredFunding(long position, String eventId) {
    }

    private Funding acceptedContract() {
        JsonNode offered = api.offerFixedPrice(ALICE, unique("late-commit"), CAROL.id(), "USD",
                List.of(milestone("Design", "40.00", "USD"))).dataAt("offerFixedPriceContract.contract");
        String contractId = offered.path("id").asString();
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        return new Funding(contractId, offered.path("milestones").get(0).path("id").asString());
    }

    private StoredFunding fundingRow(String contractId) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT global_index, event_identifier FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE '%MilestoneFundedEvent'",
                (row, number) -> new StoredFunding(row.getLong(1), row.getString(2)), EscrowAccountId.forContract(contractId));
    }

    private Long recordedPosition(String eventId) {
        Document entry = readModelDatabase.getCollection(LedgerFields.JOURNAL_ENTRIES)
                .find(new Document(ChainLink.EVENT_ID, eventId)).first();
        return entry == null ? null : entry.getLong(LedgerFields.POSITION);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
