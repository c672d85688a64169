package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static io.freelance.ledger.standalone.LedgerApi.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Invalid input and impossible state changes, sent over HTTP GraphQL to the running service (DESIGN §6,
 * §6a): each is refused with a classified error naming the field and the broken rule in a sentence a
 * person understands, and nothing is recorded: no event is stored and, where money could have moved,
 * no balance changes.
 */
class BadInputTest extends StandaloneTestBase {

    private static final String CHARGES = "client:alice:charges";
    private static final String PENDING = "freelancer:carol:pending";
    private static final String SERVICE_FEES = "platform:fees:service";
    private static final String MARKETPLACE_FEES = "platform:fees:marketplace";

    // Amounts

    @Test
    void zeroDepositIsRefused() {
        JsonNode error = refused(() -> offer("USD", milestone("Design", "0.00", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.positive");

        assertThat(message(error)).contains("more than zero", "0.00 USD");
    }

    @Test
    void negativeDepositIsRefused() {
        JsonNode error = refused(() -> offer("USD", milestone("Design", "-10.00", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.positive");

        assertThat(message(error)).contains("more than zero", "-10.00 USD");
    }

    @Test
    void negativeReleaseAmountIsRefusedAndMovesNoMoney() {
        // given a funded milestone
        FixedPrice contract = accepted("100.00");
        LedgerBalances ledger = ledgerOf(contract);
        fund(contract, 1);

        // when the client approves a negative part of it
        JsonNode error = refused(() -> api.approve(ALICE, contract.id(), contract.milestone(1), money("-10.00", "USD"),
                unique("approve")), "BAD_REQUEST", "releaseAmount.amount", "amount.positive");

        // then only the funding moved money
        assertThat(message(error)).contains("more than zero", "-10.00 USD");
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
    }

    @Test
    void amountMorePreciseThanTheCurrencyIsRefused() {
        JsonNode error = refused(() -> offer("USD", milestone("Design", "5.001", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.precision");

        assertThat(message(error)).contains("5.001", "2 decimal places");
    }

    @Test
    void depositBelowTheMinimumIsRefused() {
        JsonNode error = refused(() -> offer("USD", milestone("Design", "4.99", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.minimum");

        assertThat(message(error)).contains("at least 5.00 USD", "4.99 USD");
    }

    /** The Decimal scalar refuses it while GraphQL coerces the variables, before any resolver runs. */
    @Test
    void malformedDecimalIsRefused() {
        JsonNode error = refused(() -> offer("USD", milestone("Design", "12abc", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "graphql.request");

        assertThat(message(error)).contains("12abc");
    }

    // Currencies

    @Test
    void unknownContractCurrencyIsRefused() {
        JsonNode error = refused(() -> offer("XYZ", milestone("Design", "100.00", "USD")),
                "BAD_REQUEST", "currency", "currency.unknown");

        assertThat(message(error)).contains("'XYZ'", "ISO-4217");
    }

    @Test
    void unknownDepositCurrencyIsRefused() {
        JsonNode error = refused(() -> offer("USD", milestone("Design", "100.00", "XYZ")),
                "BAD_REQUEST", "milestones[0].depositAmount.currency", "currency.unknown");

        assertThat(message(error)).contains("'XYZ'", "ISO-4217");
    }

    @Test
    void offeredMilestoneInAnotherCurrencyThanTheContractIsRefused() {
        JsonNode error = refused(() -> offer("USD", milestone("Design", "100.00", "EUR")),
                "BAD_REQUEST", "milestones[0].depositAmount.currency", "currency.mismatch");

        assertThat(message(error)).contains("EUR", "USD");
    }

    @Test
    void addedMilestoneInAnotherCurrencyThanTheContractIsRefused() {
        // given an accepted USD contract
        FixedPrice contract = accepted("100.00");

        // when the client adds a EUR milestone
        JsonNode error = refused(() -> api.addMilestone(ALICE, contract.id(), unique("add"), money("50.00", "EUR")),
                "BAD_REQUEST", "depositAmount.currency", "currency.mismatch");

        // then the schedule is unchanged
        assertThat(message(error)).contains("EUR", "USD");
        assertThat(contract(contract).path("milestones")).hasSize(1);
    }

    @Test
    void releaseAmountInAnotherCurrencyThanTheContractIsRefusedAndMovesNoMoney() {
        // given a funded USD milestone
        FixedPrice contract = accepted("100.00");
        LedgerBalances ledger = ledgerOf(contract);
        LedgerBalances euroLedger = new LedgerBalances(api, "EUR", CHARGES, contract.escrowAccount(), PENDING);
        fund(contract, 1);

        // when the client approves it with a EUR release amount
        JsonNode error = refused(() -> api.approve(ALICE, contract.id(), contract.milestone(1), money("50.00", "EUR"),
                unique("approve")), "BAD_REQUEST", "releaseAmount.currency", "currency.mismatch");

        // then only the funding moved money, and nothing in EUR
        assertThat(message(error)).contains("EUR", "USD");
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
        euroLedger.expectChanges(Map.of(CHARGES, "0.00", contract.escrowAccount(), "0.00", PENDING, "0.00"));
    }

    // Things that do not exist

    @Test
    void mutationOnAnUnknownContractIsNotFound() {
        String unknownContract = unique("no-such-contract");

        JsonNode error = refused(() -> api.fund(ALICE, unknownContract, "milestone-1", unique("fund")),
                "NOT_FOUND", "contractId", "contract.not-found");

        assertThat(message(error)).contains(unknownContract);
    }

    @Test
    void queryForAnUnknownContractIsNotFound() {
        String unknownContract = unique("no-such-contract");

        Response response = api.contract(ALICE, unknownContract);

        JsonNode error = assertClassified(response, "NOT_FOUND", "id", "contract.not-found");
        assertThat(message(error)).contains(unknownContract);
        assertThat(response.data().path("contract").isNull()).as("contract in %s", response.body()).isTrue();
    }

    @Test
    void fundingAnUnknownMilestoneIsNotFound() {
        // given an accepted contract
        FixedPrice contract = accepted("100.00");
        LedgerBalances ledger = ledgerOf(contract);

        // when the client funds a milestone it does not have
        JsonNode error = refused(() -> api.fund(ALICE, contract.id(), "no-such-milestone", unique("fund")),
                "NOT_FOUND", "milestoneId", "milestone.not-found");

        // then nobody was charged
        assertThat(message(error)).contains("no-such-milestone");
        ledger.expectChanges(noChange(contract));
    }

    // State transitions

    @Test
    void acceptingTwiceIsAConflict() {
        // given an accepted contract
        FixedPrice contract = accepted("100.00");

        // when the freelancer accepts it again
        JsonNode error = refused(() -> api.accept(CAROL, contract.id()), "CONFLICT", "contractId", "contract.state");

        // then it is still simply active
        assertThat(message(error)).contains("active", "only offered contracts can be accepted");
        assertThat(contract(contract).path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void submittingAnUnfundedMilestoneIsAConflict() {
        // given an accepted contract whose milestone is not funded
        FixedPrice contract = accepted("100.00");

        // when the freelancer submits work for it
        JsonNode error = refused(() -> api.submit(CAROL, contract.id(), contract.milestone(1), "Done"),
                "CONFLICT", "milestoneId", "milestone.state");

        // then it is still unfunded and nothing will be released automatically
        assertThat(message(error)).contains("not funded", "can be submitted");
        JsonNode milestone = contract(contract).path("milestones").get(0);
        assertThat(milestone.path("status").asString()).isEqualTo("NOT_FUNDED");
        assertThat(milestone.path("autoReleaseAt").isNull()).isTrue();
    }

    @Test
    void requestingChangesOnAMilestoneNotSubmittedIsAConflict() {
        // given a funded milestone with no work submitted
        FixedPrice contract = accepted("100.00");
        LedgerBalances ledger = ledgerOf(contract);
        fund(contract, 1);

        // when the client asks for changes
        JsonNode error = refused(() -> api.requestChanges(ALICE, contract.id(), contract.milestone(1), "Bigger logo"),
                "CONFLICT", "milestoneId", "milestone.state");

        // then the milestone is still active and its money still in escrow
        assertThat(message(error)).contains("active", "only submitted milestones can be sent back for changes");
        assertThat(contract(contract).path("milestones").get(0).path("status").asString()).isEqualTo("ACTIVE");
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
    }

    @Test
    void fundingAfterTheContractEndedIsAConflictAndChargesNothing() {
        // given an accepted contract the client has ended (its escrow account closes as part of ending)
        FixedPrice contract = accepted("100.00");
        api.end(ALICE, contract.id()).dataAt("endContract.contract");
        eventually(() -> assertThat(contract(contract).path("escrow").path("status").asString()).isEqualTo("CLOSED"));
        LedgerBalances ledger = ledgerOf(contract);

        // when the client funds its milestone
        JsonNode error = refused(() -> api.fund(ALICE, contract.id(), contract.milestone(1), unique("fund")),
                "CONFLICT", "contractId", "escrow.closed");

        // then nobody was charged
        assertThat(message(error)).contains(contract.id(), "has ended");
        ledger.expectChanges(noChange(contract));
        assertThat(contract(contract).path("milestones").get(0).path("status").asString()).isEqualTo("NOT_FUNDED");
    }

    @Test
    void fundingASecondMilestoneWhileOneIsActiveIsAConflict() {
        // given a contract whose first milestone is funded and open
        FixedPrice contract = accepted("100.00", "50.00");
        LedgerBalances ledger = ledgerOf(contract);
        fund(contract, 1);

        // when the client funds the second one too
        JsonNode error = refused(() -> api.fund(ALICE, contract.id(), contract.milestone(2), unique("fund")),
                "CONFLICT", "milestoneId", "milestone.one-active");

        // then only the first milestone's money moved
        assertThat(message(error)).contains(contract.milestone(1), "only one milestone can be active");
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
        assertThat(contract(contract).path("milestones").get(1).path("status").asString()).isEqualTo("NOT_FUNDED");
    }

    @Test
    void approvingMoreThanIsFundedIsRefusedAndMovesNoMoney() {
        // given a milestone funded with 100.00
        FixedPrice contract = accepted("100.00");
        LedgerBalances ledger = ledgerOf(contract);
        fund(contract, 1);

        // when the client releases 150.00 from it
        JsonNode error = refused(() -> api.approve(ALICE, contract.id(), contract.milestone(1), money("150.00", "USD"),
                unique("approve")), "BAD_REQUEST", "releaseAmount.amount", "amount.exceeds-funded");

        // then the freelancer got nothing and escrow still holds the 100.00
        assertThat(message(error)).contains("100.00 USD", "150.00 USD");
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
        assertThat(contract(contract).path("milestones").get(0).path("status").asString()).isEqualTo("ACTIVE");
    }

    // Shape of the request

    @Test
    void pageSizeAboveTheMaximumIsRefused() {
        JsonNode error = refused(() -> api.call(ALICE, "{ contracts(first: 1000) { edges { node { id } } } }", Map.of()),
                "BAD_REQUEST", "first", "page.size");

        assertThat(message(error)).contains("between 1 and 100", "1000");
    }

    @Test
    void emptyTitleIsRefused() {
        Map<String, Object> input = validOfferInput();
        input.put("title", "");

        JsonNode error = refused(() -> api.offerFixedPrice(ALICE, input), "BAD_REQUEST", "title", "title.required");

        assertThat(message(error)).contains("title", "required");
    }

    /** Left out entirely, the title is refused by GraphQL's own input coercion, before any resolver runs. */
    @Test
    void missingTitleIsRefused() {
        Map<String, Object> input = validOfferInput();
        input.remove("title");

        JsonNode error = refused(() -> api.offerFixedPrice(ALICE, input), "BAD_REQUEST", "title", "graphql.request");

        assertThat(message(error)).contains("title");
    }

    // Helpers

    /** Sends a call that must be refused; checks that it stored no event and how it was classified. */
    private JsonNode refused(Supplier<Response> call, String classification, String field, String rule) {
        long eventsBefore = storedEventCount();
        Response response = call.get();
        assertThat(storedEventCount()).as("events stored by the refused call %s", response.body()).isEqualTo(eventsBefore);
        return assertClassified(response, classification, field, rule);
    }

    /** The one error of the response, after checking its classification, field and rule. */
    private static JsonNode assertClassified(Response response, String classification, String field, String rule) {
        assertThat(response.errors().size()).as("errors in %s", response.body()).isEqualTo(1);
        JsonNode error = response.firstError();
        JsonNode extensions = error.path("extensions");
        assertThat(extensions.path("classification").asString()).as("classification in %s", error).isEqualTo(classification);
        assertThat(extensions.path("field").asString(null)).as("field in %s", error).isEqualTo(field);
        assertThat(extensions.path("rule").asString(null)).as("rule in %s", error).isEqualTo(rule);
        assertThat(message(error)).as("message in %s", error).isNotBlank();
        return error;
    }

    private static String message(JsonNode error) {
        return error.path("message").asString();
    }

    private Response offer(String currency, Map<String, Object> milestone) {
        return api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), currency, List.of(milestone));
    }

    /** The input of a valid offer, for a test to spoil one field of. */
    private static Map<String, Object> validOfferInput() {
        return new HashMap<>(Map.of("idempotencyKey", unique("offer"), "freelancerId", CAROL.id(),
                "title", "Landing page", "currency", "USD", "milestones", List.of(milestone("Design", "100.00", "USD"))));
    }

    /** A USD contract from alice to carol with milestones of these amounts, accepted by carol. */
    private FixedPrice accepted(String... amounts) {
        List<Map<String, Object>> milestones = Arrays.stream(amounts).map(amount -> milestone("Part", amount, "USD")).toList();
        JsonNode offered = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD", milestones)
                .dataAt("offerFixedPriceContract.contract");
        String contractId = offered.path("id").asString();
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        return new FixedPrice(contractId, offered.path("milestones").findValuesAsString("id"));
    }

    private void fund(FixedPrice contract, int position) {
        api.fund(ALICE, contract.id(), contract.milestone(position), unique("fund")).dataAt("fundMilestone.contract");
    }

    private JsonNode contract(FixedPrice contract) {
        return api.contract(ALICE, contract.id()).dataAt("contract");
    }

    /** Balances a refused call on this contract could have moved, from before the test's own funding. */
    private LedgerBalances ledgerOf(FixedPrice contract) {
        return new LedgerBalances(api, "USD", CHARGES, contract.escrowAccount(), PENDING, SERVICE_FEES, MARKETPLACE_FEES);
    }

    private static Map<String, String> noChange(FixedPrice contract) {
        return Map.of(CHARGES, "0.00", contract.escrowAccount(), "0.00", PENDING, "0.00", SERVICE_FEES, "0.00",
                MARKETPLACE_FEES, "0.00");
    }

    /** The test's own funding moved the deposit into escrow and charged the marketplace fee; nothing else moved. */
    private static Map<String, String> onlyFundingOf(FixedPrice contract, String deposit, String marketplaceFee) {
        String charged = new BigDecimal(deposit).add(new BigDecimal(marketplaceFee)).negate().toPlainString();
        return Map.of(CHARGES, charged, contract.escrowAccount(), deposit, PENDING, "0.00", SERVICE_FEES, "0.00",
                MARKETPLACE_FEES, marketplaceFee);
    }

    private record FixedPrice(String id, List<String> milestoneIds) {

        String milestone(int position) {
            return milestoneIds.get(position - 1);
        }

        String escrowAccount() {
            return "escrow:" + id;
        }
    }
}
