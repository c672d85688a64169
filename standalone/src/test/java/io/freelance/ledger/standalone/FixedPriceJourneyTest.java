package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.LedgerApi.milestoneIn;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static io.freelance.ledger.standalone.LedgerApi.money;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The end-to-end journey over HTTP GraphQL: offer → accept → fund → submit → request changes →
 * submit → approve part → next milestone funded with the remainder → auto-release after 14 days →
 * refund at the end, with every ledger balance checked to the cent at each step.
 */
class FixedPriceJourneyTest extends StandaloneTestBase {

    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    @Test
    void fixedPriceContractFromOfferToRefundKeepsTheLedgerRightToTheCent() {
        JsonNode offered = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD", List.of(
                        milestone("Design", "100.00", "USD"),
                        milestone("Build", "100.00", "USD"),
                        milestone("Launch", "50.00", "USD")))
                .dataAt("offerFixedPriceContract.contract");
        String contractId = offered.path("id").asString();
        String design = offered.path("milestones").get(0).path("id").asString();
        String build = offered.path("milestones").get(1).path("id").asString();
        String launch = offered.path("milestones").get(2).path("id").asString();
        assertThat(offered.path("status").asString()).isEqualTo("OFFERED");
        assertThat(offered.path("milestones").findValuesAsString("status")).containsOnly("NOT_FUNDED");

        String charges = "client:alice:charges";
        String refunds = "client:alice:refunds";
        String escrow = "escrow:" + contractId;
        String pending = "freelancer:carol:pending";
        String available = "freelancer:carol:available";
        String serviceFees = "platform:fees:service";
        String marketplaceFees = "platform:fees:marketplace";
        LedgerBalances ledger = new LedgerBalances(api, "USD",
                charges, refunds, escrow, pending, available, serviceFees, marketplaceFees);

        JsonNode accepted = api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        assertThat(accepted.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.path("escrow").path("status").asString()).isEqualTo("OPEN");
        assertThat(amount(accepted.path("escrow").path("currentEscrowAmount"))).isEqualTo("0.00");

        // Fund the design milestone: 100.00 into escrow, 5.00 marketplace fee on top.
        String fundKey = unique("fund-design");
        JsonNode funded = api.fund(ALICE, contractId, design, fundKey).dataAt("fundMilestone.contract");
        assertThat(milestoneIn(funded, design).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(amount(funded.path("escrow").path("currentEscrowAmount"))).isEqualTo("100.00");
        Map<String, String> afterFunding = Map.of(charges, "-105.00", escrow, "100.00", marketplaceFees, "5.00",
                pending, "0.00", serviceFees, "0.00");
        ledger.expectChanges(afterFunding);

        // A retried funding request charges nothing again.
        api.fund(ALICE, contractId, design, fundKey).dataAt("fundMilestone.contract");
        ledger.expectChanges(afterFunding);

        // Submit, get changes requested, submit again; each submission schedules the 14-day auto-release.
        Instant submittedAt = Instant.now();
        JsonNode submitted = api.submit(CAROL, contractId, design, "First designs").dataAt("submitMilestone.contract");
        JsonNode designAfterSubmit = milestoneIn(submitted, design);
        assertThat(designAfterSubmit.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(Instant.parse(designAfterSubmit.path("autoReleaseAt").asString()))
                .isCloseTo(submittedAt.plus(Duration.ofDays(14)), within(1, ChronoUnit.MINUTES));
        assertThat(time.pendingDueTimes(contractId))
                .anySatisfy(due -> assertThat(due).isCloseTo(submittedAt.plus(Duration.ofDays(14)), within(1, ChronoUnit.MINUTES)));

        JsonNode changes = api.requestChanges(ALICE, contractId, design, "Bigger logo, please")
                .dataAt("requestMilestoneChanges.contract");
        assertThat(milestoneIn(changes, design).path("status").asString()).isEqualTo("CHANGES_REQUESTED");
        JsonNode resubmitted = api.submit(CAROL, contractId, design, "Bigger logo").dataAt("submitMilestone.contract");
        assertThat(milestoneIn(resubmitted, design).path("submissions").asInt()).isEqualTo(2);

        // Approve 60.00 of the 100.00: the freelancer gets 54.00 pending, 40.00 stays in escrow.
        JsonNode approved = api.approve(ALICE, contractId, design, money("60.00", "USD"), unique("approve-design"))
                .dataAt("approveMilestone.contract");
        assertThat(milestoneIn(approved, design).path("status").asString()).isEqualTo("RELEASED");
        assertThat(amount(milestoneIn(approved, design).path("releasedAmount"))).isEqualTo("60.00");
        assertThat(amount(approved.path("escrow").path("currentEscrowAmount"))).isEqualTo("40.00");
        assertThat(amount(approved.path("escrow").path("unallocatedAmount"))).isEqualTo("40.00");
        ledger.expectChanges(Map.of(charges, "-105.00", escrow, "40.00", pending, "54.00", serviceFees, "6.00",
                marketplaceFees, "5.00"));

        // The next milestone uses the 40.00 remainder first: the client is charged 60.00 + 3.00.
        JsonNode buildFunded = api.fund(ALICE, contractId, build, unique("fund-build")).dataAt("fundMilestone.contract");
        assertThat(amount(buildFunded.path("escrow").path("currentEscrowAmount"))).isEqualTo("100.00");
        assertThat(amount(buildFunded.path("escrow").path("unallocatedAmount"))).isEqualTo("0.00");
        ledger.expectChanges(Map.of(charges, "-168.00", escrow, "100.00", marketplaceFees, "8.00"));

        // Submitted and left alone: 14 days later it is released automatically. The design payment's
        // 5-day security period has ended by then too.
        api.submit(CAROL, contractId, build, "Site built").dataAt("submitMilestone.contract");
        assertThat(time.advance(Duration.ofDays(14).plus(A_MINUTE), contractId)).isGreaterThanOrEqualTo(2);
        eventually(() -> assertThat(milestoneIn(contract(contractId), build).path("status").asString())
                .isEqualTo("RELEASED"));
        ledger.expectChanges(Map.ofEntries(entry(charges, "-168.00"), entry(escrow, "0.00"), entry(pending, "90.00"),
                entry(available, "54.00"), entry(serviceFees, "16.00"), entry(marketplaceFees, "8.00")));

        // Fund the last milestone, then the client ends the contract: a refund is requested and,
        // with no dispute within 7 days, made. The build payment becomes available meanwhile.
        api.fund(ALICE, contractId, launch, unique("fund-launch")).dataAt("fundMilestone.contract");
        ledger.expectChanges(Map.of(charges, "-220.50", escrow, "50.00", marketplaceFees, "10.50"));
        Instant endedAt = Instant.now();
        JsonNode ended = api.end(ALICE, contractId).dataAt("endContract.contract");
        assertThat(ended.path("status").asString()).isEqualTo("ENDED");
        // The payload already shows what becomes of the money held.
        assertThat(ended.path("escrow").path("status").asString()).isEqualTo("CLOSED");
        JsonNode refund = ended.path("escrow").path("refund");
        assertThat(refund.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(amount(refund.path("amount"))).isEqualTo("50.00");
        assertThat(Instant.parse(refund.path("dueAt").asString()))
                .isCloseTo(endedAt.plus(Duration.ofDays(7)), within(1, ChronoUnit.MINUTES));

        time.advance(Duration.ofDays(7).plus(A_MINUTE), contractId);
        eventually(() -> {
            JsonNode refunded = contract(contractId);
            assertThat(refunded.path("escrow").path("refund").path("status").asString()).isEqualTo("REFUNDED");
            assertThat(milestoneIn(refunded, launch).path("status").asString()).isEqualTo("REFUNDED");
        });
        ledger.expectChanges(Map.ofEntries(entry(charges, "-220.50"), entry(refunds, "50.00"), entry(escrow, "0.00"),
                entry(pending, "0.00"), entry(available, "144.00"), entry(serviceFees, "16.00"),
                entry(marketplaceFees, "10.50")));

        // Carol's statement of her pending balance tells the contract's story, newest first.
        JsonNode statement = api.call(CAROL, """
                query($account: String!) {
                  ledgerAccount(account: $account, currency: "USD") {
                    statement(first: 50) { edges { node { amount { amount } cause { kind contractId } } } }
                  }
                }""", Map.of("account", pending)).dataAt("ledgerAccount.statement.edges");
        List<String> movements = new ArrayList<>();
        for (JsonNode edge : statement) {
            JsonNode posting = edge.path("node");
            if (posting.path("cause").path("contractId").asString().equals(contractId)) {
                movements.add(amount(posting.path("amount")));
            }
        }
        // The auto-release (+90.00) and the end of the first security period (-54.00) came due in the
        // same 14-day jump, so only their order between each other is open.
        assertThat(movements).as("pending postings of this contract, newest first")
                .containsExactlyInAnyOrder("-90.00", "90.00", "-54.00", "54.00")
                .startsWith("-90.00")
                .endsWith("54.00");

        Response trialBalance = api.trialBalance("USD");
        assertThat(amount(trialBalance.dataAt("trialBalance.total"))).isEqualTo("0.00");
        assertThat(trialBalance.dataAt("trialBalance.balanced").asBoolean()).isTrue();
    }

    private JsonNode contract(String contractId) {
        return api.contract(ALICE, contractId).dataAt("contract");
    }


    private static String amount(JsonNode money) {
        return money.path("amount").asString();
    }
}
