package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A dispute settled from several sides at the same moment, over HTTP on the real event store: dispute
 * handlers deciding each outcome, and both parties accepting the open proposal, all at once. Exactly one of
 * them settles it; every other answer is a classified CONFLICT, a success only where it asked for exactly the
 * settlement made (a repeated decision), or a party's acceptance that came before the settlement and answers
 * with the proposal it joined; the escrowed money moves once, and the ledger's changes are exactly the one
 * settlement's.
 */
class DisputeConcurrencyTest extends StandaloneTestBase {

    private static final int EACH_DECISION = 4;

    @Test
    void decisionsAndAcceptancesRacingEachOtherSettleTheDisputeOnceAndMoveTheMoneyOnce() throws Exception {
        DisputeApi disputes = new DisputeApi(api);
        Response offered = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD",
                List.of(milestone("The whole site", "100.00", "USD")));
        String contractId = offered.dataAt("offerFixedPriceContract.contractId").asString();
        String milestoneId = offered.dataAt("offerFixedPriceContract.contract.milestones.0.id").asString();
        api.accept(CAROL, contractId).answered();
        api.fund(ALICE, contractId, milestoneId, unique("fund")).answered();
        api.submit(CAROL, contractId, milestoneId, "All screens are done.").answered();
        LedgerBalances ledger = new LedgerBalances(api, "USD", "client:alice:refunds", "escrow:" + contractId,
                "freelancer:carol:pending", "platform:fees:service");
        String disputeId = disputes.openMilestoneDispute(CAROL, contractId, milestoneId, "Submitted two weeks ago.")
                .dataAt("openMilestoneDispute.dispute.id").asString();
        disputes.respond(ALICE, disputeId, "CONTEST", "The screens do not match the design.").answered();
        disputes.propose(FRANK, disputeId, "60.00", "40.00", "USD").answered();

        List<Callable<Response>> racing = new ArrayList<>();
        for (int attempt = 0; attempt < EACH_DECISION; attempt++) {
            racing.add(() -> disputes.decide(FRANK, disputeId, "RELEASE_TO_FREELANCER"));
            racing.add(() -> disputes.decide(FRANK, disputeId, "REFUND_TO_CLIENT"));
            racing.add(() -> disputes.decideSplit(FRANK, disputeId, "30.00", "70.00", "USD"));
        }
        int firstAcceptance = racing.size();
        List<DemoUser> accepting = List.of(ALICE, CAROL, ALICE, CAROL);
        for (DemoUser party : accepting) {
            racing.add(() -> disputes.accept(party, disputeId, 1));
        }

        List<Response> answers = AllAtOnce.send(racing, 60);

        long succeeded = answers.stream().filter(answer -> answer.errors().isEmpty()).count();
        System.out.printf("Racing dispute settlements: %d answers, %d succeeded, %d refused%n", answers.size(), succeeded,
                answers.size() - succeeded);
        assertThat(succeeded).as("answers that settled the dispute").isGreaterThanOrEqualTo(1);
        for (Response answer : answers) {
            assertThat(answer.status()).as("HTTP status of %s", answer.body()).isEqualTo(200);
            for (JsonNode error : answer.errors()) {
                assertThat(error.path("extensions").path("classification").asString()).as("error %s", error).isEqualTo("CONFLICT");
            }
        }
        JsonNode settlement = eventuallySettled(disputes, disputeId, FRANK);
        BigDecimal released = new BigDecimal(settlement.path("releaseAmount").path("amount").asString());
        BigDecimal refunded = new BigDecimal(settlement.path("refundAmount").path("amount").asString());
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            if (!answer.errors().isEmpty()) {
                continue;
            }
            JsonNode answered = answer.data().properties().iterator().next().getValue().path("dispute");
            if (i >= firstAcceptance && answered.path("settlement").isNull()) {
                // The acceptance that came first settles nothing: it answers with the proposal it joined.
                String party = accepting.get(i - firstAcceptance).id();
                assertThat(answered.path("status").asString()).as("a lone acceptance: %s", answer.body()).isEqualTo("PROPOSED");
                assertThat(answered.path("proposal").path("acceptedBy").toString()).as("a lone acceptance: %s", answer.body())
                        .contains("\"" + party + "\"");
            } else {
                // As its sender sees it: a party reads a dispute handler's name as the role (UserView.actingAs).
                DemoUser sender = i >= firstAcceptance ? accepting.get(i - firstAcceptance) : FRANK;
                assertThat(answered.path("settlement")).as("a success shows the one settlement made: %s", answer.body())
                        .isEqualTo(eventuallySettled(disputes, disputeId, sender));
            }
        }
        assertThat(released.add(refunded)).as("the settlement shares out the disputed 100.00").isEqualByComparingTo("100.00");
        BigDecimal serviceFee = released.multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.HALF_UP);
        ledger.expectChanges(Map.of(
                "escrow:" + contractId, "-100.00",
                "freelancer:carol:pending", released.subtract(serviceFee).toPlainString(),
                "platform:fees:service", serviceFee.toPlainString(),
                "client:alice:refunds", refunded.toPlainString()));
        assertThat(settledEvents(disputeId)).as("DisputeSettledEvent stored for the dispute").isEqualTo(1);
    }

    private JsonNode eventuallySettled(DisputeApi disputes, String disputeId, DemoUser reader) {
        JsonNode[] settlement = new JsonNode[1];
        eventually(() -> {
            JsonNode dispute = disputes.dispute(reader, disputeId).dataAt("dispute");
            assertThat(dispute.path("status").asString()).isEqualTo("SETTLED");
            settlement[0] = dispute.path("settlement");
        });
        return settlement[0];
    }

    private long settledEvents(String disputeId) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%.DisputeSettledEvent'", Long.class, disputeId);
    }
}
