package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static io.freelance.ledger.standalone.HistoryApi.first;
import static io.freelance.ledger.standalone.HistoryApi.types;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The event history over HTTP GraphQL (the dispute handlers' view of DESIGN §1): a fixed-price contract driven
 * offer → accept → fund → submit → approve and an hourly week driven through its invoice, dispute and decision,
 * then read with contractHistory and aggregateHistory by the client, the freelancer, a dispute handler,
 * finance and strangers: the order, who acted, the correlation and causation ids, filters, pages, what a
 * party may not see, and who is refused.
 */
class EventHistoryJourneyTest extends HourlyCycleTestBase {

    private static final List<String> FIXED_PRICE_STEPS = List.of("FixedPriceContractOfferedEvent", "ContractAcceptedEvent",
            "EscrowAccountOpenedEvent", "RoomOpenedEvent", "MilestoneFundedEvent", "MilestoneSubmittedEvent",
            "MilestoneReleasedEvent");

    private HistoryApi history;
    private DiaryApi diary;

    @BeforeEach
    void historyApi() {
        history = new HistoryApi(api);
        diary = new DiaryApi(api);
    }

    @Test
    void aDisputeHandlerSeesEveryStepOfAFixedPriceContractInOrderWithWhoDidItAndWhy() {
        FixedPriceContract contract = fixedPriceContractDrivenToApproval();

        List<JsonNode> events = history.wholeContractHistory(FRANK, contract.id(), null, 100);

        assertThat(types(events)).containsExactlyElementsOf(FIXED_PRICE_STEPS);
        assertThat(events).extracting(event -> Instant.parse(event.path("timestamp").asString())).isSorted();
        assertThat(events).extracting(event -> event.path("globalPosition").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(event -> event.path("actor").path("userId").asString() + "/"
                + event.path("actor").path("role").asString()).containsExactly("alice/CLIENT", "carol/FREELANCER",
                "carol/FREELANCER", "carol/FREELANCER", "alice/CLIENT", "carol/FREELANCER", "alice/CLIENT");
        JsonNode offered = events.get(0);
        assertThat(offered.path("aggregateType").asString()).isEqualTo("Contract");
        assertThat(offered.path("aggregateId").asString()).isEqualTo(contract.id());
        assertThat(offered.path("sequenceNumber").asLong()).isZero();
        assertThat(offered.path("payload").path("clientId").asString()).isEqualTo("alice");
        JsonNode funded = first(events, "MilestoneFundedEvent");
        assertThat(funded.path("aggregateType").asString()).isEqualTo("EscrowAccount");
        assertThat(funded.path("aggregateId").asString()).isEqualTo(EscrowAccountId.forContract(contract.id()));
        // The request the client named is what everything the funding did shares; the cause is the command.
        assertThat(funded.path("correlationId").asString()).isEqualTo(contract.fundRequestId());
        assertThat(funded.path("causationId").asString()).isNotBlank().isNotEqualTo(contract.fundRequestId());
        assertThat(events).filteredOn(event -> event != funded)
                .allSatisfy(event -> assertThat(event.path("correlationId").asString()).isNotEqualTo(contract.fundRequestId()));
        // Amounts are exact decimal strings; staff see every leg of the journal entry, fees included.
        assertThat(funded.path("payload").path("depositAmount").path("amount").asString()).isEqualTo("100.00");
        assertThat(accountsOf(funded)).containsExactlyInAnyOrder("client:alice:charges", "escrow:" + contract.id(),
                "platform:fees:marketplace");
        assertThat(first(events, "MilestoneReleasedEvent").path("payload").has("idempotencyId")).isTrue();

        // Finance sees the same history, whole.
        assertThat(history.wholeContractHistory(ERIN, contract.id(), null, 100)).isEqualTo(events);
    }

    @Test
    void partiesSeeTheirContractsHistoryWithoutTheOtherSidesMoneyOrRetryKeys() {
        FixedPriceContract contract = fixedPriceContractDrivenToApproval();
        String escrow = "escrow:" + contract.id();

        List<JsonNode> asClient = history.wholeContractHistory(ALICE, contract.id(), null, 100);
        List<JsonNode> asFreelancer = history.wholeContractHistory(CAROL, contract.id(), null, 100);

        assertThat(types(asClient)).containsExactlyElementsOf(FIXED_PRICE_STEPS);
        assertThat(types(asFreelancer)).containsExactlyElementsOf(FIXED_PRICE_STEPS);
        // The parties of the contract are named to each other, as the contract names them.
        assertThat(asClient.get(1).path("actor").path("userId").asString()).isEqualTo("carol");
        assertThat(asFreelancer.get(0).path("actor").path("userId").asString()).isEqualTo("alice");
        // Each sees the legs on their own accounts and the escrow, never the other's or the platform's.
        assertThat(accountsOf(first(asClient, "MilestoneFundedEvent"))).containsExactlyInAnyOrder("client:alice:charges", escrow);
        assertThat(accountsOf(first(asFreelancer, "MilestoneFundedEvent"))).containsExactly(escrow);
        assertThat(accountsOf(first(asClient, "MilestoneReleasedEvent"))).containsExactly(escrow);
        assertThat(accountsOf(first(asFreelancer, "MilestoneReleasedEvent")))
                .containsExactlyInAnyOrder(escrow, "freelancer:carol:pending");
        for (List<JsonNode> partyView : List.of(asClient, asFreelancer)) {
            JsonNode released = first(partyView, "MilestoneReleasedEvent").path("payload");
            assertThat(released.has("idempotencyId")).isFalse();
            assertThat(released.has("idempotencyFingerprint")).isFalse();
            assertThat(released.path("releasedAmount").path("amount").asString()).isEqualTo("100.00");
        }
    }

    @Test
    void strangersAreToldTheContractAndItsAggregatesDoNotExist() {
        FixedPriceContract contract = fixedPriceContractDrivenToApproval();

        for (DemoUser stranger : List.of(BOB, DAVE)) {
            Response contractHistory = history.contractHistory(stranger, contract.id(), null, 10, null);
            assertClassified(contractHistory, "NOT_FOUND", "contractId", "contract.not-found");
            assertThat(contractHistory.data().path("contractHistory").path("edges").isMissingNode()).isTrue();
            Response escrowHistory = history.aggregateHistory(stranger, EscrowAccountId.forContract(contract.id()), null, 10, null);
            assertClassified(escrowHistory, "NOT_FOUND", "aggregateId", "aggregate.not-found");
        }
        // An aggregate nobody recorded is not found either, for staff as for anyone.
        assertClassified(history.aggregateHistory(FRANK, "escrow-no-such-contract", null, 10, null),
                "NOT_FOUND", "aggregateId", "aggregate.not-found");
        // The parties read one aggregate of their contract.
        List<String> escrowEvents = new ArrayList<>();
        history.aggregateHistory(CAROL, EscrowAccountId.forContract(contract.id()), null, 10, null)
                .dataAt("aggregateHistory.edges").forEach(edge -> escrowEvents.add(edge.path("node").path("eventType").asString()));
        assertThat(escrowEvents).containsExactly("EscrowAccountOpenedEvent", "MilestoneFundedEvent", "MilestoneSubmittedEvent",
                "MilestoneReleasedEvent");
    }

    @Test
    void filtersByTypeAndTimeAndPagesThroughTheSameOrder() {
        FixedPriceContract contract = fixedPriceContractDrivenToApproval();
        List<JsonNode> all = history.wholeContractHistory(FRANK, contract.id(), null, 100);

        // Pages of two give the same events in the same order.
        assertThat(history.wholeContractHistory(FRANK, contract.id(), null, 2)).isEqualTo(all);
        JsonNode firstPage = history.contractHistory(FRANK, contract.id(), null, 2, null).dataAt("contractHistory");
        assertThat(firstPage.path("edges")).hasSize(2);
        assertThat(firstPage.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();

        // By type.
        List<JsonNode> money = history.wholeContractHistory(FRANK, contract.id(),
                Map.of("eventTypes", List.of("MilestoneFundedEvent", "MilestoneReleasedEvent")), 100);
        assertThat(types(money)).containsExactly("MilestoneFundedEvent", "MilestoneReleasedEvent");

        // By time: from the funding (inclusive) to the release (exclusive).
        Instant fundedAt = Instant.parse(first(all, "MilestoneFundedEvent").path("timestamp").asString());
        Instant releasedAt = Instant.parse(first(all, "MilestoneReleasedEvent").path("timestamp").asString());
        List<JsonNode> between = history.wholeContractHistory(FRANK, contract.id(),
                Map.of("from", fundedAt.toString(), "to", releasedAt.toString()), 100);
        assertThat(between).isEqualTo(all.stream().filter(event -> {
            Instant at = Instant.parse(event.path("timestamp").asString());
            return !at.isBefore(fundedAt) && at.isBefore(releasedAt);
        }).toList());
        assertThat(types(between)).contains("MilestoneFundedEvent").doesNotContain("MilestoneReleasedEvent",
                "FixedPriceContractOfferedEvent");

        // Bad input is refused, naming the field and the rule.
        assertClassified(history.contractHistory(FRANK, contract.id(), Map.of("from", releasedAt.toString(),
                "to", fundedAt.toString()), 10, null), "BAD_REQUEST", "filter.to", "to.not-after-from");
        assertClassified(history.contractHistory(FRANK, contract.id(), null, 101, null), "BAD_REQUEST", "first", "page.size");
        assertClassified(history.contractHistory(FRANK, contract.id(), null, 10, "bm90LWEtY3Vyc29y"),
                "BAD_REQUEST", "after", "cursor.invalid");
    }

    @Test
    void anHourlyWeeksHistorySpansDiaryInvoiceAndDisputesAndHidesTheDisputeHandlerFromTheParties() {
        LocalDate week = weekAhead();
        String contractId = hourlyContract(week, "30.00");
        clock.at(at(week, 4, 18, 0));
        diary.recordManualTime(CAROL, contractId, at(week, 3, 9, 0), at(week, 3, 10, 0), "Database migration").answered();
        invoicedOnMondayNoon(contractId, week);
        String invoiceId = InvoiceId.forWeek(contractId, week);
        Instant monday = Instant.parse(invoices.invoice(ALICE, invoiceId).dataAt("invoice.issuedAt").asString());
        clock.at(monday.plus(Duration.ofHours(22)));
        invoices.dispute(ALICE, invoiceId, List.of(at(week, 3, 9, 0), at(week, 3, 9, 10)), "Not for this project.").answered();
        clock.at(monday.plus(Duration.ofHours(27)));
        invoices.respond(CAROL, invoiceId, "CONTEST", "It was for this project.").answered();
        clock.at(monday.plus(Duration.ofHours(45)));
        invoices.decide(FRANK, invoiceId, List.of(at(week, 3, 9, 0)), "One cell was another project.").answered();

        // The dispute handler: every aggregate of the contract, in time order, with who acted.
        List<JsonNode> events = new ArrayList<>();
        eventually(() -> {
            events.clear();
            events.addAll(history.wholeContractHistory(FRANK, contractId, null, 100));
            assertThat(types(events)).contains("HourDisputeSettledEvent", "ManualTimeRecordedEvent", "InvoiceIssuedEvent");
        });
        assertThat(events).extracting(event -> event.path("aggregateType").asString())
                .contains("Contract", "WorkDiary", "Invoice", "ContractDisputes");
        assertThat(events).isSortedAccordingTo(Comparator.comparing(event -> Instant.parse(event.path("timestamp").asString())));
        assertThat(types(events)).containsSubsequence("HourlyContractOfferedEvent", "ContractAcceptedEvent",
                "ManualTimeRecordedEvent", "WorkDiaryWeekLockedEvent", "InvoiceIssuedEvent", "HourDisputeOpenedEvent",
                "HourDisputeRespondedEvent", "HourDisputeSettledEvent");
        assertThat(first(events, "ManualTimeRecordedEvent").path("aggregateId").asString()).startsWith("diary-" + contractId + ".");
        // What the week's deadline did, the service did, in a chain of its own that the deadline started.
        JsonNode locked = first(events, "WorkDiaryWeekLockedEvent");
        JsonNode issued = first(events, "InvoiceIssuedEvent");
        assertThat(locked.path("actor").path("role").asString()).isEqualTo("SYSTEM");
        assertThat(issued.path("actor").path("role").asString()).isEqualTo("SYSTEM");
        assertThat(locked.path("causationId").asString()).isNotBlank();
        assertThat(issued.path("correlationId").asString()).isEqualTo(locked.path("correlationId").asString());
        // The client's dispute paused the contract and opened its dispute register: one request, one correlation id.
        JsonNode disputeOpened = first(events, "HourDisputeOpenedEvent");
        assertThat(List.of(first(events, "ContractPausedEvent"), first(events, "ContractDisputeOpenedEvent")))
                .allSatisfy(caused -> assertThat(caused.path("correlationId").asString())
                        .isEqualTo(disputeOpened.path("correlationId").asString()));
        JsonNode settled = first(events, "HourDisputeSettledEvent");
        assertThat(settled.path("actor").path("userId").asString()).isEqualTo("frank");
        assertThat(settled.path("payload").path("decidedBy").asString()).isEqualTo("frank");
        assertThat(first(events, "HourDisputeOpenedEvent").path("actor").path("userId").asString()).isEqualTo("alice");

        // A party: the same events, the dispute handler by role only, and only their own side's money.
        for (DemoUser party : List.of(ALICE, CAROL)) {
            List<JsonNode> seen = history.wholeContractHistory(party, contractId, null, 100);
            assertThat(types(seen)).as("%s's view", party).isEqualTo(types(events));
            JsonNode decision = first(seen, "HourDisputeSettledEvent");
            assertThat(decision.path("actor").path("userId").isNull()).as("%s's view of %s", party, decision).isTrue();
            assertThat(decision.path("actor").path("role").asString()).isEqualTo("DISPUTE_HANDLER");
            assertThat(decision.path("payload").path("decidedBy").asString()).isEqualTo("DISPUTE_HANDLER");
            assertThat(decision.path("payload").path("note").asString()).isEqualTo("One cell was another project.");
            assertThat(decision.toString()).doesNotContain("frank");
        }
        assertThat(accountsOf(first(history.wholeContractHistory(ALICE, contractId, null, 100), "InvoiceIssuedEvent")))
                .containsExactlyInAnyOrder("client:alice:charges", "escrow:" + contractId);
        assertThat(accountsOf(first(history.wholeContractHistory(CAROL, contractId, null, 100), "InvoiceIssuedEvent")))
                .containsExactly("escrow:" + contractId);

        // One aggregate: the invoice, for its parties; a stranger is told it does not exist.
        JsonNode invoiceHistory = history.aggregateHistory(CAROL, invoiceId, null, 20, null).dataAt("aggregateHistory");
        assertThat(invoiceHistory.path("edges").get(0).path("node").path("eventType").asString()).isEqualTo("InvoiceIssuedEvent");
        assertThat(invoiceHistory.path("edges")).allSatisfy(edge ->
                assertThat(edge.path("node").path("aggregateId").asString()).isEqualTo(invoiceId));
        assertClassified(history.aggregateHistory(BOB, invoiceId, null, 20, null), "NOT_FOUND", "aggregateId", "aggregate.not-found");
        assertClassified(history.contractHistory(DAVE, contractId, null, 20, null), "NOT_FOUND", "contractId", "contract.not-found");
    }

    /** A fixed-price contract whose one milestone alice funded (naming her request) and approved. */
    private FixedPriceContract fixedPriceContractDrivenToApproval() {
        String contractId = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD",
                List.of(milestone("Design", "100.00", "USD"))).dataAt("offerFixedPriceContract.contractId").asString();
        api.accept(CAROL, contractId).answered();
        String milestoneId = api.contract(ALICE, contractId).dataAt("contract.milestones.0.id").asString();
        String fundRequestId = unique("fund-request");
        new GraphQlHttpClient("http://127.0.0.1:" + port).as(ALICE.id(), ALICE.password(), """
                mutation($input: FundMilestoneInput!) { fundMilestone(input: $input) { contractId } }""",
                Map.of("input", Map.of("contractId", contractId, "milestoneId", milestoneId, "idempotencyKey", unique("fund"))),
                fundRequestId).answered();
        api.submit(CAROL, contractId, milestoneId, "Designs attached").answered();
        api.approve(ALICE, contractId, milestoneId, null, unique("approve")).answered();
        return new FixedPriceContract(contractId, fundRequestId);
    }

    private static List<String> accountsOf(JsonNode event) {
        List<String> accounts = new ArrayList<>();
        event.path("payload").path("journalEntry").path("legs").forEach(leg -> accounts.add(leg.path("account").asString()));
        return accounts;
    }

    private static void assertClassified(Response response, String classification, String field, String rule) {
        JsonNode extensions = response.firstError().path("extensions");
        assertThat(extensions.path("classification").asString()).as(response.body().toString()).isEqualTo(classification);
        assertThat(extensions.path("field").asString()).as(response.body().toString()).isEqualTo(field);
        assertThat(extensions.path("rule").asString()).as(response.body().toString()).isEqualTo(rule);
    }

    private record FixedPriceContract(String id, String fundRequestId) {
    }
}
