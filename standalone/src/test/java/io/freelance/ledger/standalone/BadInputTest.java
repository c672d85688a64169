package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static io.freelance.ledger.standalone.LedgerApi.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    /** Ledger account names are built from ids ({@code freelancer:{id}:pending}): an id holding ':' could parse two ways. */
    @Test
    void aFreelancerIdWithTheAccountNameSeparatorIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> api.offerFixedPrice(ALICE, unique("offer"), "carol:pending", "USD",
                        List.of(milestone("Design", "100.00", "USD"))),
                "BAD_REQUEST", "freelancerId", "freelancerId.format");

        assertThat(message(error)).contains("letters, digits");
    }

    @Test
    void aContractIdWithTheAccountNameSeparatorIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> api.fund(ALICE, "escrow:anything", "milestone-1", unique("fund")),
                "BAD_REQUEST", "contractId", "contractId.format");

        assertThat(message(error)).contains("letters, digits");
    }

    @Test
    void zeroDepositIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "0.00", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.positive");

        assertThat(message(error)).contains("more than zero", "0.00 USD");
    }

    @Test
    void negativeDepositIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "-10.00", "USD")),
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
        JsonNode error = refusedShowingNoJava(() -> api.approve(ALICE, contract.id(), contract.milestone(1), money("-10.00", "USD"),
                unique("approve")), "BAD_REQUEST", "releaseAmount.amount", "amount.positive");

        // then only the funding moved money
        assertThat(message(error)).contains("more than zero", "-10.00 USD");
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
    }

    @Test
    void amountMorePreciseThanTheCurrencyIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("JPY", milestone("Design", "5000.50", "JPY")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.precision");

        assertThat(message(error)).contains("5000.50", "0 decimal places");
    }

    @Test
    void amountWithThreeDecimalsIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "5.001", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.format");

        assertThat(message(error)).contains("'5.001'", "one or two decimals");
    }

    /** Read as 1000.00 before: an amount nobody typed. */
    @Test
    void amountWithAnExponentIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "1e3", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.format");

        assertThat(message(error)).contains("'1e3'", "without exponent");
    }

    @Test
    void amountWithALeadingSpaceIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", " 10", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.format");

        assertThat(message(error)).contains("' 10'");
    }

    @Test
    void amountWithAPlusSignIsRefused() {
        refusedShowingNoJava(() -> offer("USD", milestone("Design", "+10.00", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.format");
    }

    /** A JSON number is a binary double in JavaScript clients: what arrives may not be what was typed. */
    @Test
    void amountSentAsAJsonNumberIsRefused() {
        Map<String, Object> milestone = Map.of("description", "Design", "dueDate", "2027-03-01",
                "depositAmount", Map.of("amount", 1000, "currency", "USD"));

        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.format");

        assertThat(message(error)).contains("written as a string");
    }

    @Test
    void twentyDigitAmountIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "12345678901234567890", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.maximum");

        assertThat(message(error)).contains("at most 1000000.00 USD");
    }

    @Test
    void depositAboveTheMaximumIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "1000000.01", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.maximum");

        assertThat(message(error)).contains("at most 1000000.00 USD", "1000000.01 USD");
    }

    @Test
    void bonusAboveTheMaximumIsRefusedAndMovesNoMoney() {
        // given a funded milestone
        FixedPrice contract = accepted("100.00");
        LedgerBalances ledger = ledgerOf(contract);
        fund(contract, 1);

        // when the client approves it with a bonus above the maximum
        JsonNode error = refusedShowingNoJava(() -> approveWithBonus(contract, money("1000000.01", "USD")),
                "BAD_REQUEST", "bonus.amount", "amount.maximum");

        // then only the funding moved money and the milestone is still open
        assertThat(message(error)).contains("at most 1000000.00 USD");
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
        assertThat(contract(contract).path("milestones").get(0).path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void negativeBonusIsRefusedAndMovesNoMoney() {
        // given a funded milestone
        FixedPrice contract = accepted("100.00");
        LedgerBalances ledger = ledgerOf(contract);
        fund(contract, 1);

        // when the client approves it with a negative bonus
        refusedShowingNoJava(() -> approveWithBonus(contract, money("-10.00", "USD")), "BAD_REQUEST", "bonus.amount", "amount.positive");

        // then only the funding moved money
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
    }

    @Test
    void depositBelowTheMinimumIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "4.99", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.minimum");

        assertThat(message(error)).contains("at least 5.00 USD", "4.99 USD");
    }

    /** The Decimal scalar refuses it while GraphQL coerces the variables, before any resolver runs. */
    @Test
    void malformedDecimalIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "12abc", "USD")),
                "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.format");

        assertThat(message(error)).contains("12abc");
    }

    // Dates

    /** Stored as 2027-02-28 before: a due date nobody chose. */
    @Test
    void dueDateThatIsNotInTheCalendarIsRefused() {
        Map<String, Object> milestone = new HashMap<>(milestone("Design", "100.00", "USD"));
        milestone.put("dueDate", "2027-02-30");

        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone), "BAD_REQUEST", "milestones[0].dueDate", "dueDate.invalid");

        assertThat(message(error)).contains("2027-02-30", "not a day in the calendar");
    }

    @Test
    void dueDateThatIsNotInTheCalendarWrittenIntoTheQueryIsRefused() {
        String document = """
                mutation { offerFixedPriceContract(input: {idempotencyKey: "%s", freelancerId: "carol", title: "Site",
                  currency: "USD", milestones: [{description: "Design", depositAmount: {amount: "100.00", currency: "USD"},
                  dueDate: "2027-02-30"}]}) { contract { id } } }""".formatted(unique("offer"));

        JsonNode error = refusedShowingNoJava(() -> api.call(ALICE, document, Map.of()),
                "BAD_REQUEST", "milestones[0].dueDate", "dueDate.invalid");

        assertThat(message(error)).contains("not a day in the calendar");
    }

    @Test
    void addedMilestonesDueDateThatIsNotInTheCalendarIsRefused() {
        // given an accepted contract
        FixedPrice contract = accepted("100.00");

        // when the client adds a milestone due on the 31st of April
        JsonNode error = refusedShowingNoJava(() -> api.call(ALICE, """
                mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { contract { id } } }""",
                Map.of("input", Map.of("contractId", contract.id(), "idempotencyKey", unique("add"),
                        "description", "Extra", "depositAmount", money("50.00", "USD"), "dueDate", "2027-04-31"))),
                "BAD_REQUEST", "dueDate", "dueDate.invalid");

        // then the schedule is unchanged
        assertThat(message(error)).contains("2027-04-31");
        assertThat(contract(contract).path("milestones")).hasSize(1);
    }

    // Text

    @Test
    void titleWithANulCharacterIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offerTitled("Landing\u0000page"), "BAD_REQUEST", "title", "title.control-characters");

        assertThat(message(error)).contains("U+0000", "position 8");
    }

    @Test
    void titleWithAnAnsiEscapeSequenceIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offerTitled("\u001b[31mURGENT\u001b[0m"), "BAD_REQUEST", "title", "title.control-characters");

        assertThat(message(error)).contains("U+001B");
    }

    /** Would show "Invoice gpj.exe" reversed as "Invoice exe.jpg". */
    @Test
    void titleWithARightToLeftOverrideIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offerTitled("Invoice \u202Egpj.exe"), "BAD_REQUEST", "title", "title.control-characters");

        assertThat(message(error)).contains("U+202E", "right-to-left override");
    }

    @Test
    void milestoneDescriptionWithABidirectionalIsolateIsRefused() {
        refusedShowingNoJava(() -> offer("USD", milestone("Design \u2067hidden\u2069", "100.00", "USD")),
                "BAD_REQUEST", "milestones[0].description", "description.control-characters");
    }

    @Test
    void submissionNoteWithControlCharactersIsRefused() {
        // given a funded milestone
        FixedPrice contract = accepted("100.00");
        fund(contract, 1);

        // when the freelancer submits it with a note that clears the screen of whoever prints it
        refusedShowingNoJava(() -> api.submit(CAROL, contract.id(), contract.milestone(1), "Done\u001b[2J\u001b[H"),
                "BAD_REQUEST", "note", "note.control-characters");

        // then nothing was submitted
        assertThat(contract(contract).path("milestones").get(0).path("status").asString()).isEqualTo("ACTIVE");
    }

    /** The API and the aggregate share one limit for notes: before, the API allowed 5,000 and the aggregate 2,000. */
    @Test
    void submissionNoteLongerThan2000CharactersIsRefused() {
        // given a funded milestone
        FixedPrice contract = accepted("100.00");
        fund(contract, 1);

        // when the freelancer submits it with a note of 2,001 characters
        JsonNode error = refusedShowingNoJava(() -> api.submit(CAROL, contract.id(), contract.milestone(1), "n".repeat(2001)),
                "BAD_REQUEST", "note", "note.too-long");

        // then nothing was submitted
        assertThat(message(error)).contains("2001", "at most 2000");
        assertThat(contract(contract).path("milestones").get(0).path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void declineReasonWithControlCharactersIsRefused() {
        // given an offer
        String contractId = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD",
                List.of(milestone("Design", "100.00", "USD"))).dataAt("offerFixedPriceContract.contract.id").asString();

        // when the freelancer declines it with a NUL in the reason
        refusedShowingNoJava(() -> api.call(CAROL, """
                mutation($input: DeclineContractInput!) { declineContract(input: $input) { contract { id } } }""",
                Map.of("input", Map.of("contractId", contractId, "reason", "Busy\u0000"))),
                "BAD_REQUEST", "reason", "reason.control-characters");

        // then it is still on offer
        assertThat(api.contract(ALICE, contractId).dataAt("contract.status").asString()).isEqualTo("OFFERED");
    }

    @Test
    void newLinesTabsAndOtherScriptsAreAccepted() {
        String description = "Design:\n\t- logo \uD83D\uDE80\n\t- \u0645\u0648\u0642\u0639 \u2014 \u65E5\u672C";

        JsonNode offered = offer("USD", milestone(description, "100.00", "USD")).dataAt("offerFixedPriceContract.contract");

        assertThat(offered.path("milestones").get(0).path("description").asString()).isEqualTo(description);
    }

    // The other party

    @Test
    void offerToAnUnknownFreelancerIsRefused() {
        Map<String, Object> input = validOfferInput();
        input.put("freelancerId", "nobody-" + UUID.randomUUID());

        JsonNode error = refusedShowingNoJava(() -> api.offerFixedPrice(ALICE, input), "BAD_REQUEST", "freelancerId", "freelancerId.unknown");

        assertThat(message(error)).contains("There is no user");
    }

    @Test
    void offerToAFinanceUserIsRefused() {
        Map<String, Object> input = validOfferInput();
        input.put("freelancerId", ERIN.id());

        JsonNode error = refusedShowingNoJava(() -> api.offerFixedPrice(ALICE, input),
                "BAD_REQUEST", "freelancerId", "freelancerId.not-a-freelancer");

        assertThat(message(error)).contains("'erin' is not a freelancer");
    }

    @Test
    void hourlyOfferToAnotherClientIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> api.call(ALICE, """
                mutation($input: OfferHourlyContractInput!) { offerHourlyContract(input: $input) { contract { id } } }""",
                Map.of("input", Map.of("idempotencyKey", unique("hourly"), "freelancerId", BOB.id(), "title", "Support",
                        "hourlyRate", money("40.00", "USD")))),
                "BAD_REQUEST", "freelancerId", "freelancerId.not-a-freelancer");

        assertThat(message(error)).contains("'bob'");
    }

    // Currencies

    @Test
    void unknownContractCurrencyIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("XYZ", milestone("Design", "100.00", "USD")),
                "BAD_REQUEST", "currency", "currency.unknown");

        assertThat(message(error)).contains("'XYZ'", "ISO-4217");
    }

    @Test
    void unknownDepositCurrencyIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "100.00", "XYZ")),
                "BAD_REQUEST", "milestones[0].depositAmount.currency", "currency.unknown");

        assertThat(message(error)).contains("'XYZ'", "ISO-4217");
    }

    @Test
    void offeredMilestoneInAnotherCurrencyThanTheContractIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> offer("USD", milestone("Design", "100.00", "EUR")),
                "BAD_REQUEST", "milestones[0].depositAmount.currency", "currency.mismatch");

        assertThat(message(error)).contains("EUR", "USD");
    }

    @Test
    void addedMilestoneInAnotherCurrencyThanTheContractIsRefused() {
        // given an accepted USD contract
        FixedPrice contract = accepted("100.00");

        // when the client adds a EUR milestone
        JsonNode error = refusedShowingNoJava(() -> api.addMilestone(ALICE, contract.id(), unique("add"), money("50.00", "EUR")),
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
        JsonNode error = refusedShowingNoJava(() -> api.approve(ALICE, contract.id(), contract.milestone(1), money("50.00", "EUR"),
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

        JsonNode error = refusedShowingNoJava(() -> api.fund(ALICE, unknownContract, "milestone-1", unique("fund")),
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
        JsonNode error = refusedShowingNoJava(() -> api.fund(ALICE, contract.id(), "no-such-milestone", unique("fund")),
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
        JsonNode error = refusedShowingNoJava(() -> api.accept(CAROL, contract.id()), "CONFLICT", "contractId", "contract.state");

        // then it is still simply active
        assertThat(message(error)).contains("active", "only offered contracts can be accepted");
        assertThat(contract(contract).path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void submittingAnUnfundedMilestoneIsAConflict() {
        // given an accepted contract whose milestone is not funded
        FixedPrice contract = accepted("100.00");

        // when the freelancer submits work for it
        JsonNode error = refusedShowingNoJava(() -> api.submit(CAROL, contract.id(), contract.milestone(1), "Done"),
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
        JsonNode error = refusedShowingNoJava(() -> api.requestChanges(ALICE, contract.id(), contract.milestone(1), "Bigger logo"),
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
        JsonNode error = refusedShowingNoJava(() -> api.fund(ALICE, contract.id(), contract.milestone(1), unique("fund")),
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
        JsonNode error = refusedShowingNoJava(() -> api.fund(ALICE, contract.id(), contract.milestone(2), unique("fund")),
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
        JsonNode error = refusedShowingNoJava(() -> api.approve(ALICE, contract.id(), contract.milestone(1), money("150.00", "USD"),
                unique("approve")), "BAD_REQUEST", "releaseAmount.amount", "amount.exceeds-funded");

        // then the freelancer got nothing and escrow still holds the 100.00
        assertThat(message(error)).contains("100.00 USD", "150.00 USD");
        ledger.expectChanges(onlyFundingOf(contract, "100.00", "5.00"));
        assertThat(contract(contract).path("milestones").get(0).path("status").asString()).isEqualTo("ACTIVE");
    }

    // Shape of the request

    @Test
    void pageSizeAboveTheMaximumIsRefused() {
        JsonNode error = refusedShowingNoJava(() -> api.call(ALICE, "{ contracts(first: 1000) { edges { node { id } } } }", Map.of()),
                "BAD_REQUEST", "first", "page.size");

        assertThat(message(error)).contains("between 1 and 100", "1000");
    }

    @Test
    void emptyTitleIsRefused() {
        Map<String, Object> input = validOfferInput();
        input.put("title", "");

        JsonNode error = refusedShowingNoJava(() -> api.offerFixedPrice(ALICE, input), "BAD_REQUEST", "title", "title.required");

        assertThat(message(error)).contains("title", "required");
    }

    /** Left out entirely, the title is refused by GraphQL's own input coercion, before any resolver runs. */
    @Test
    void missingTitleIsRefused() {
        Map<String, Object> input = validOfferInput();
        input.remove("title");

        JsonNode error = refusedShowingNoJava(() -> api.offerFixedPrice(ALICE, input), "BAD_REQUEST", "title", "title.required");

        assertThat(message(error)).contains("title");
    }

    // Limits of one request

    @Test
    void aThousandAliasesOfTheTrialBalanceAreRefused() {
        String document = aliased(1000, "trialBalance(currency: \"USD\") { total { amount } }");

        JsonNode error = refusedShowingNoJava(() -> api.call(ERIN, document, Map.of()), "BAD_REQUEST", null, "query.aliases");

        assertThat(message(error)).contains("at most 30");
    }

    @Test
    void aThousandAliasesOfContractsAreRefused() {
        String document = aliased(1000, "contracts { edges { node { id } } }");

        refusedShowingNoJava(() -> api.call(ALICE, document, Map.of()), "BAD_REQUEST", null, "query.aliases");
    }

    /** graphql-java's parser stops reading at 15,000 tokens; before, that was an unnamed syntax error. */
    @Test
    void aDocumentTooLargeToReadIsRefused() {
        String document = aliased(2000, "contracts(first: 100) { edges { node { id } } }");

        refusedShowingNoJava(() -> api.call(ALICE, document, Map.of()), "BAD_REQUEST", null, "query.size");
    }

    @Test
    void aQueryCostingMoreThanTheLimitIsRefused() {
        String page = "contracts(first: 100) { edges { node { %s } } }".formatted(LedgerApi.CONTRACT_FIELDS);
        String document = aliased(3, page);

        JsonNode error = refusedShowingNoJava(() -> api.call(ALICE, document, Map.of()), "BAD_REQUEST", null, "query.complexity");

        assertThat(message(error)).contains("at most 5000");
    }

    @Test
    void deeplyNestedIntrospectionIsRefused() {
        String document = "{ __schema { types { " + "fields { type { ".repeat(20) + "name" + " } }".repeat(20) + " } } }";

        JsonNode error = refusedShowingNoJava(() -> api.call(ALICE, document, Map.of()), "BAD_REQUEST", null, "query.depth");

        assertThat(message(error)).contains("at most 15");
    }

    /** graphql-java classifies this one itself, as "BadFaithIntrospection", which is not among the API's classifications. */
    @Test
    void introspectionThatRepeatsTypeFieldsIsRefused() {
        String document = "{ __schema { types { fields { type { fields { type { name } } } } } } }";

        refusedShowingNoJava(() -> api.call(ALICE, document, Map.of()), "BAD_REQUEST", null, "query.introspection");
    }

    // Errors never show Java

    /** graphql-java's own message was "Expected a String input, but it was a 'LinkedHashMap'". */
    @Test
    void anObjectWhereAStringBelongsIsRefusedWithoutJavaTypeNames() {
        Response response = api.call(ERIN, """
                query($account: String!) { ledgerAccount(account: $account, currency: "USD") { balance { amount } } }""",
                Map.of("account", Map.of("$regex", ".*")));

        JsonNode error = assertClassified(response, "BAD_REQUEST", "account", "account.type");
        assertThat(message(error)).isEqualTo("account must be a string.");
    }

    @Test
    void anObjectWrittenIntoTheQueryWhereAStringBelongsIsRefusedWithoutJavaTypeNames() {
        Response response = api.call(ERIN, "{ ledgerAccount(account: {regex: \".*\"}, currency: \"USD\") { balance { amount } } }",
                Map.of());

        JsonNode error = assertClassified(response, "BAD_REQUEST", "account", "account.type");
        assertThat(message(error)).isEqualTo("account must be a string.");
    }

    @Test
    void aListWhereAnAmountBelongsIsRefusedWithoutJavaTypeNames() {
        Map<String, Object> milestone = Map.of("description", "Design", "dueDate", "2027-03-01",
                "depositAmount", Map.of("amount", List.of("1", "2"), "currency", "USD"));

        refusedShowingNoJava(() -> offer("USD", milestone), "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.format");
    }

    // Helpers

    /** Sends a call that must be refused; checks that it stored no event and how it was classified. */
    private JsonNode refusedShowingNoJava(Supplier<Response> call, String classification, String field, String rule) {
        long eventsBefore = storedEventCount();
        Response response = call.get();
        assertThat(storedEventCount()).as("events stored by the refused call %s", response.body()).isEqualTo(eventsBefore);
        return assertClassified(response, classification, field, rule);
    }

    /**
     * The one error of the response, after checking its classification, field and rule, and that the
     * response shows no Java: no class names, no syntax-tree objects, no stack trace.
     */
    private static JsonNode assertClassified(Response response, String classification, String field, String rule) {
        assertThat(response.body().toString()).as("response shows no Java")
                .doesNotContainPattern("java\\.|LinkedHashMap|ArrayList|Exception|StringValue\\{|ObjectValue|\\.java:\\d+\\)");
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

    private Response offerTitled(String title) {
        Map<String, Object> input = validOfferInput();
        input.put("title", title);
        return api.offerFixedPrice(ALICE, input);
    }

    private Response approveWithBonus(FixedPrice contract, Map<String, Object> bonus) {
        return api.call(ALICE, """
                mutation($input: ApproveMilestoneInput!) { approveMilestone(input: $input) { contract { id } } }""",
                Map.of("input", Map.of("contractId", contract.id(), "milestoneId", contract.milestone(1),
                        "idempotencyKey", unique("approve"), "bonus", bonus)));
    }

    /** {@code count} aliases of the same field in one query. */
    private static String aliased(int count, String field) {
        return IntStream.range(0, count).mapToObj(index -> "a" + index + ": " + field).collect(Collectors.joining(" ", "{ ", " }"));
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
