package io.freelance.ledger.query.escrow;

import static io.freelance.ledger.query.testsupport.Entries.AT;
import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractPausedEvent;
import io.freelance.ledger.contract.ContractResumedEvent;
import io.freelance.ledger.contract.WeeklyLimitChangedEvent;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.HourlyContractOfferedEvent;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.EscrowRefundDisputedEvent;
import io.freelance.ledger.escrow.EscrowRefundRequestedEvent;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.MilestoneStatus;
import io.freelance.ledger.escrow.MilestoneSubmittedEvent;
import io.freelance.ledger.escrow.MilestonesReorderedEvent;
import io.freelance.ledger.escrow.RefundReason;
import io.freelance.ledger.escrow.ReleaseReason;
import io.freelance.ledger.query.contract.ContractFields;
import io.freelance.ledger.query.contract.ContractProjection;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractStore;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.contract.PartyContractLists;
import io.freelance.ledger.query.readstore.AppliedVersions;
import io.freelance.ledger.query.testsupport.Entries;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both projections of the contracts' processing group, and the contract as the API joins them. */
class ContractAndEscrowProjectionTest {

    private static final String CONTRACT = "contract-1";
    private static final String ESCROW = EscrowAccountId.forContract(CONTRACT);
    private static final String CLIENT = "alice";
    private static final String FREELANCER = "carol";
    private static final MilestoneTerms DESIGN = new MilestoneTerms("m-1", "Design", usd("500.00"), LocalDate.parse("2025-03-31"));
    private static final MilestoneTerms BUILD = new MilestoneTerms("m-2", "Build", usd("300.00"), LocalDate.parse("2025-04-30"));

    private static InMemoryMongo mongo;
    private static MongoDatabase database;
    private static ContractStore store;
    private static EscrowStore escrowStore;
    private static ContractProjection contractProjection;
    private static EscrowProjection escrowProjection;
    private static ContractReadModel readModel;
    private static EscrowReadModel escrowReadModel;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        database = mongo.database("contract-projection-test");
        PartyContractLists partyLists = new PartyContractLists(database);
        AppliedVersions appliedVersions = new AppliedVersions(SimpleQueryUpdateEmitter.builder().build(), List.of());
        store = new ContractStore(database, partyLists, appliedVersions);
        escrowStore = new EscrowStore(database, appliedVersions);
        contractProjection = new ContractProjection(store);
        escrowProjection = new EscrowProjection(escrowStore);
        readModel = new ContractReadModel(database, partyLists);
        escrowReadModel = new EscrowReadModel(database);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollection() {
        store.deleteAll();
        escrowStore.deleteAll();
    }

    @Test
    void offerCreatesTheContractWithItsMilestonesBeforeTheEscrowOpens() {
        offer();

        ContractView contract = contract();
        assertThat(contract.type()).isEqualTo(ContractType.FIXED_PRICE);
        assertThat(contract.status()).isEqualTo(ContractStatus.OFFERED);
        assertThat(contract.clientId()).isEqualTo(CLIENT);
        assertThat(contract.freelancerId()).isEqualTo(FREELANCER);
        assertThat(contract.title()).isEqualTo("Website");
        assertThat(contract.offeredAt()).isEqualTo(AT);
        assertThat(contract.offeredMilestones()).containsExactly(DESIGN, BUILD);
        assertThat(escrowState()).isNull();
        assertThat(contract.contractVersion()).isZero();
        assertThat(escrowReadModel.appliedVersion(ESCROW)).isEqualTo(-1);
    }

    @Test
    void moneyIsStoredAsExactDecimal128() {
        offer();

        Document milestone = rawDocument().getList(ContractFields.OFFERED_MILESTONES, Document.class).get(0);
        Document deposit = milestone.get("depositAmount", Document.class);
        assertThat(deposit.get("amount")).isEqualTo(new Decimal128(new BigDecimal("500.00")));
        assertThat(deposit.getString("currency")).isEqualTo("USD");
    }

    @Test
    void fundingAndPartialReleaseFollowTheEscrowLegOfEachEntry() {
        offerAcceptAndOpen();
        escrowProjection.on(funded("m-1", "500.00", "0.00", "500.00", "25.00", "e-fund-1"), 1);
        escrowProjection.on(new MilestoneSubmittedEvent(ESCROW, CONTRACT, "m-1", 1, "Done", AT, AT.plus(Duration.ofDays(14))), 2);
        escrowProjection.on(released("m-1", "400.00", "40.00", "100.00", "e-release-1"), 3);

        ContractView afterRelease = contract();
        MilestoneRow design = milestones().get(0);
        assertThat(design.status()).isEqualTo(MilestoneStatus.RELEASED);
        assertThat(design.releasedAmount()).isEqualTo(usd("400.00"));
        assertThat(design.currentEscrowAmount()).isEqualTo(usd("0.00"));
        assertThat(design.submissions()).isEqualTo(1);
        assertThat(design.autoReleaseAt()).isNull();
        assertThat(escrow().currentEscrowAmount()).isEqualTo(usd("100.00"));
        assertThat(escrow().unallocatedAmount()).isEqualTo(usd("100.00"));

        // The remainder rolls into the next milestone: only 200.00 more is charged.
        escrowProjection.on(funded("m-2", "300.00", "100.00", "200.00", "10.00", "e-fund-2"), 4);

        ContractView afterSecondFunding = contract();
        MilestoneRow build = milestones().get(1);
        assertThat(build.status()).isEqualTo(MilestoneStatus.ACTIVE);
        assertThat(build.currentEscrowAmount()).isEqualTo(usd("300.00"));
        assertThat(escrow().currentEscrowAmount()).isEqualTo(usd("300.00"));
        assertThat(escrow().unallocatedAmount()).isEqualTo(usd("0.00"));
        assertThat(escrowReadModel.appliedVersion(ESCROW)).isEqualTo(4);
        assertThat(afterSecondFunding.contractVersion()).isEqualTo(1);
    }

    @Test
    void replayingEveryEventAgainChangesNothing() {
        Runnable history = () -> {
            offerAcceptAndOpen();
            escrowProjection.on(funded("m-1", "500.00", "0.00", "500.00", "25.00", "e-fund-1"), 1);
            escrowProjection.on(released("m-1", "500.00", "50.00", "0.00", "e-release-1"), 2);
            contractProjection.on(new ContractEndedEvent(CONTRACT, ContractType.FIXED_PRICE, CLIENT, Role.CLIENT, "Done", AT), 2);
        };
        history.run();
        Document once = rawDocument();
        Document escrowOnce = rawEscrowDocument();

        history.run();

        assertThat(rawDocument()).isEqualTo(once);
        assertThat(rawEscrowDocument()).isEqualTo(escrowOnce);
        assertThat(contract().status()).isEqualTo(ContractStatus.ENDED);
        assertThat(escrow().currentEscrowAmount()).isEqualTo(usd("0.00"));
    }

    @Test
    void anOlderEventArrivingLateIsIgnored() {
        offerAcceptAndOpen();
        escrowProjection.on(funded("m-1", "500.00", "0.00", "500.00", "25.00", "e-fund-1"), 1);
        escrowProjection.on(released("m-1", "500.00", "50.00", "0.00", "e-release-1"), 2);

        escrowProjection.on(funded("m-1", "500.00", "0.00", "500.00", "25.00", "e-fund-1"), 1);

        assertThat(milestones().get(0).status()).isEqualTo(MilestoneStatus.RELEASED);
        assertThat(escrow().currentEscrowAmount()).isEqualTo(usd("0.00"));
    }

    @Test
    void escrowEventsAppliedBeforeTheOfferKeepTheirMilestones() {
        // The two aggregates may be processed in different segments, so the escrow can come first.
        escrowProjection.on(opened(), 0);
        escrowProjection.on(new MilestoneDeletedEvent(ESCROW, CONTRACT, "m-2"), 1);
        assertThat(readModel.findById(CONTRACT)).as("not a contract until the offer is applied").isEmpty();

        offer();
        contractProjection.on(accepted(), 1);

        ContractView contract = contract();
        assertThat(contract.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(milestones()).extracting(MilestoneRow::id).containsExactly("m-1");
        assertThat(escrow().status()).isEqualTo(EscrowStatus.OPEN);
        assertThat(contract.contractVersion()).isEqualTo(1);
        assertThat(escrowReadModel.appliedVersion(ESCROW)).isEqualTo(1);
    }

    @Test
    void addingAndReorderingMilestonesRenumbersThem() {
        offerAcceptAndOpen();
        MilestoneTerms review = new MilestoneTerms("m-3", "Review", usd("50.00"), LocalDate.parse("2025-05-31"));
        escrowProjection.on(new MilestoneAddedEvent(ESCROW, CONTRACT, review, 3), 1);
        escrowProjection.on(new MilestonesReorderedEvent(ESCROW, CONTRACT, List.of("m-3", "m-1", "m-2")), 2);

        assertThat(milestones()).extracting(MilestoneRow::id, MilestoneRow::position)
                .containsExactly(tuple("m-3", 1),
                        tuple("m-1", 2),
                        tuple("m-2", 3));
    }

    @Test
    void refundAtContractEndIsRequestedDisputedAndFinallyRefunded() {
        offerAcceptAndOpen();
        escrowProjection.on(funded("m-1", "500.00", "0.00", "500.00", "25.00", "e-fund-1"), 1);
        escrowProjection.on(new EscrowRefundRequestedEvent(ESCROW, CONTRACT, usd("500.00"), CLIENT, AT, AT.plus(Duration.ofDays(7))), 2);
        assertThat(escrow().refund().status()).isEqualTo(RefundStatus.REQUESTED);

        escrowProjection.on(new EscrowRefundDisputedEvent(ESCROW, CONTRACT, FREELANCER, usd("500.00"), "Work delivered", AT), 3);
        assertThat(escrow().refund().status()).isEqualTo(RefundStatus.DISPUTED);
        assertThat(escrow().refund().disputeReason()).isEqualTo("Work delivered");

        escrowProjection.on(new EscrowRefundedEvent(ESCROW, CONTRACT, CLIENT, List.of("m-1"), usd("500.00"),
                RefundReason.NOT_DISPUTED_IN_TIME, Entries.refund("e-refund", CLIENT, CONTRACT, "500.00"), AT), 4);

        ContractView contract = contract();
        assertThat(escrow().refund().status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(escrow().refund().dueAt()).isEqualTo(AT.plus(Duration.ofDays(7)));
        assertThat(escrow().currentEscrowAmount()).isEqualTo(usd("0.00"));
        assertThat(milestones().get(0).status()).isEqualTo(MilestoneStatus.REFUNDED);
    }

    @Test
    void hourlyOfferKeepsItsTerms() {
        HourlyTerms terms = new HourlyTerms(usd("45.50"), 20, true);
        contractProjection.on(new HourlyContractOfferedEvent(CONTRACT, CLIENT, FREELANCER, "Support", terms, AT), 0);

        ContractView contract = contract();
        assertThat(contract.type()).isEqualTo(ContractType.HOURLY);
        assertThat(contract.currency()).isEqualTo("USD");
        assertThat(contract.hourlyTerms()).isEqualTo(terms);
        assertThat(contract.offeredMilestones()).isEmpty();
        assertThat(escrowState()).isNull();
    }

    @Test
    void anHourlyContractKeepsItsTrackerOptInAndEveryWeeklyLimitChange() {
        HourlyTerms terms = new HourlyTerms(usd("45.50"), 20, false, true);
        contractProjection.on(new HourlyContractOfferedEvent(CONTRACT, CLIENT, FREELANCER, "Support", terms, AT), 0);
        contractProjection.on(new ContractAcceptedEvent(CONTRACT, ContractType.HOURLY, CLIENT, FREELANCER, AT), 1);
        Instant nextMonday = Instant.parse("2025-03-10T00:00:00Z");
        contractProjection.on(new WeeklyLimitChangedEvent(CONTRACT, 20, 10, nextMonday, AT), 2);

        ContractView contract = contract();
        assertThat(contract.hourlyTerms().trackerOptIn()).isTrue();
        assertThat(contract.weeklyLimits().limitAt(AT)).isEqualTo(20);
        assertThat(contract.weeklyLimits().limitAt(nextMonday)).isEqualTo(10);
        assertThat(contract.contractVersion()).isEqualTo(2);
    }

    @Test
    void aPausedContractShowsWhyUntilItIsResumed() {
        contractProjection.on(new HourlyContractOfferedEvent(CONTRACT, CLIENT, FREELANCER, "Support",
                new HourlyTerms(usd("45.50"), null, false, true), AT), 0);
        contractProjection.on(new ContractAcceptedEvent(CONTRACT, ContractType.HOURLY, CLIENT, FREELANCER, AT), 1);

        contractProjection.on(new ContractPausedEvent(CONTRACT, "frank", Role.DISPUTE_HANDLER, "Hours disputed", AT), 2);
        ContractView paused = contract();
        contractProjection.on(new ContractResumedEvent(CONTRACT, "frank", Role.DISPUTE_HANDLER, null, AT), 3);

        assertThat(paused.status()).isEqualTo(ContractStatus.PAUSED);
        assertThat(paused.pausedAt()).isEqualTo(AT);
        assertThat(paused.pausedBy()).isEqualTo("frank");
        assertThat(paused.pausedByRole()).isEqualTo(Role.DISPUTE_HANDLER);
        assertThat(paused.pauseReason()).isEqualTo("Hours disputed");
        ContractView resumed = contract();
        assertThat(resumed.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(resumed.pausedAt()).isNull();
        assertThat(resumed.pauseReason()).isNull();
    }

    @Test
    void anEventForAnUnknownMilestoneFailsSoItIsDeadLettered() {
        offerAcceptAndOpen();

        assertThatThrownBy(() -> escrowProjection.on(funded("m-9", "500.00", "0.00", "500.00", "25.00", "e-x"), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("m-9");
    }

    private void offer() {
        contractProjection.on(new FixedPriceContractOfferedEvent(CONTRACT, CLIENT, FREELANCER, "Website", "USD",
                List.of(DESIGN, BUILD), AT), 0);
    }

    private void offerAcceptAndOpen() {
        offer();
        contractProjection.on(accepted(), 1);
        escrowProjection.on(opened(), 0);
    }

    private static ContractAcceptedEvent accepted() {
        return new ContractAcceptedEvent(CONTRACT, ContractType.FIXED_PRICE, CLIENT, FREELANCER, AT);
    }

    private static EscrowAccountOpenedEvent opened() {
        return new EscrowAccountOpenedEvent(ESCROW, CONTRACT, CLIENT, FREELANCER, "USD", List.of(DESIGN, BUILD), AT);
    }

    private static MilestoneFundedEvent funded(String milestoneId, String deposit, String carriedOver, String charged,
                                               String marketplaceFee, String entryId) {
        return new MilestoneFundedEvent(ESCROW, CONTRACT, milestoneId, "request-" + entryId, usd(deposit), usd(carriedOver),
                usd(charged), usd(marketplaceFee),
                Entries.funding(entryId, CLIENT, CONTRACT, milestoneId, charged, marketplaceFee), AT);
    }

    private static MilestoneReleasedEvent released(String milestoneId, String released, String serviceFee,
                                                   String remainder, String entryId) {
        return new MilestoneReleasedEvent(ESCROW, CONTRACT, milestoneId, FREELANCER, ReleaseReason.APPROVED_BY_CLIENT,
                "approve-" + entryId, null, usd(released), usd(serviceFee), usd(remainder), "Thanks",
                Entries.release(entryId, FREELANCER, CONTRACT, milestoneId, released, serviceFee), AT, AT.plus(Duration.ofDays(5)));
    }

    private static ContractView contract() {
        return readModel.findById(CONTRACT).orElseThrow();
    }

    private static EscrowState escrowState() {
        return escrowReadModel.findByContractIds(List.of(CONTRACT)).get(CONTRACT);
    }

    private static List<MilestoneRow> milestones() {
        return escrowState().milestones();
    }

    private static EscrowSummary escrow() {
        return escrowState().escrow();
    }

    private static Document rawEscrowDocument() {
        return database.getCollection(EscrowStore.COLLECTION).find(new Document("_id", ESCROW)).first();
    }

    private static Document rawDocument() {
        MongoCollection<Document> contracts = database.getCollection(ContractFields.COLLECTION);
        return contracts.find(new Document("_id", CONTRACT)).first();
    }
}
