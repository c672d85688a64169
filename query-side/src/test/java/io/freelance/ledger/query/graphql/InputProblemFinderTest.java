package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which value graphql-java refused, named as the resolvers name fields, against the real schema: a
 * variable's value (refused while graphql-java coerces the variables) or a value written into the document
 * (refused while it validates the document).
 */
class InputProblemFinderTest {

    private static final GraphQLSchema SCHEMA = ApiSchema.withoutDataFetchers();

    private static final String OFFER = """
            mutation($input: OfferFixedPriceContractInput!) {
              offerFixedPriceContract(input: $input) { contract { id } }
            }""";
    private static final String OFFER_WITH_AMOUNT = """
            mutation($amount: Decimal!, $currency: String!) {
              offerFixedPriceContract(input: {
                idempotencyKey: "offer-1", freelancerId: "carol", title: "Website", currency: $currency,
                milestones: [{description: "Design", depositAmount: {amount: $amount, currency: $currency}, dueDate: "2025-03-31"}]
              }) { contract { id } }
            }""";
    private static final String CONTRACTS = """
            query($first: Int, $filter: ContractFilter) {
              contracts(first: $first, filter: $filter) { ...page }
            }
            fragment page on ContractConnection { pageInfo { hasNextPage } }""";

    @Test
    void aMissingFieldOfTheInputIsNamedWithoutTheInput() {
        Map<String, Object> input = validOffer();
        input.remove("title");

        assertThat(find(OFFER, Map.of("input", input))).contains(new InputProblem("title", "title.required", "title is required."));
    }

    @Test
    void aFieldSentAsNullIsMissingToo() {
        Map<String, Object> input = validOffer();
        input.put("title", null);

        assertThat(find(OFFER, Map.of("input", input))).contains(new InputProblem("title", "title.required", "title is required."));
    }

    @Test
    void aValueTheScalarRefusesIsNamedByItsPathThroughListsAndObjects() {
        Map<String, Object> input = validOffer();
        input.put("milestones", List.of(milestone("100.00"), milestone("12abc")));

        Optional<InputProblem> problem = find(OFFER, Map.of("input", input));

        assertThat(problem).map(InputProblem::field).contains("milestones[1].depositAmount.amount");
        assertThat(problem).map(InputProblem::rule).contains("amount.format");
        assertThat(problem).map(InputProblem::message).hasValueSatisfying(message -> assertThat(message)
                .startsWith("milestones[1].depositAmount.amount: '12abc' is not written as an amount"));
    }

    @Test
    void aVariableUsedInsideALiteralIsNamedWhereItIsUsed() {
        Optional<InputProblem> problem = find(OFFER_WITH_AMOUNT, Map.of("amount", "five dollars", "currency", "USD"));

        assertThat(problem).map(InputProblem::field).contains("milestones[0].depositAmount.amount");
        assertThat(problem).map(InputProblem::message).hasValueSatisfying(message -> assertThat(message)
                .contains("five dollars", "not written as an amount"));
    }

    @Test
    void aVariableThatIsAQueryArgumentIsNamedByTheArgument() {
        Optional<InputProblem> problem = find(CONTRACTS, Map.of("first", "ten"));

        assertThat(problem).contains(new InputProblem("first", "first.type", "first must be a whole number."));
    }

    @Test
    void anUnknownEnumValueIsNamedWithTheValuesAllowed() {
        Optional<InputProblem> problem = find(CONTRACTS, Map.of("filter", Map.of("status", List.of("ACTIVE", "OPEN"))));

        assertThat(problem).map(InputProblem::field).contains("filter.status[1]");
        assertThat(problem).map(InputProblem::rule).contains("status.invalid");
        assertThat(problem).map(InputProblem::message).hasValueSatisfying(message -> assertThat(message)
                .contains("OFFERED, DECLINED, ACTIVE, PAUSED, ENDED"));
    }

    @Test
    void aFieldTheInputTypeDoesNotHaveIsNamed() {
        Map<String, Object> milestone = milestone("100.00");
        milestone.put("colour", "blue");
        Map<String, Object> input = validOffer();
        input.put("milestones", List.of(milestone));

        Optional<InputProblem> problem = find(OFFER, Map.of("input", input));

        assertThat(problem).map(InputProblem::field).contains("milestones[0].colour");
        assertThat(problem).map(InputProblem::rule).contains("colour.unknown-field");
        assertThat(problem).map(InputProblem::message).hasValueSatisfying(message -> assertThat(message)
                .contains("MilestoneInput", "description, depositAmount, dueDate"));
    }

    @Test
    void somethingElseWhereAnObjectBelongsIsNamed() {
        Map<String, Object> milestone = milestone("100.00");
        milestone.put("depositAmount", "100.00 USD");
        Map<String, Object> input = validOffer();
        input.put("milestones", List.of(milestone));

        assertThat(find(OFFER, Map.of("input", input))).map(InputProblem::rule).contains("depositAmount.type");
    }

    @Test
    void aDateThatIsNotInTheCalendarIsInvalidNotMovedToTheEndOfTheMonth() {
        Map<String, Object> milestone = milestone("100.00");
        milestone.put("dueDate", "2027-02-30");
        Map<String, Object> input = validOffer();
        input.put("milestones", List.of(milestone));

        Optional<InputProblem> problem = find(OFFER, Map.of("input", input));

        assertThat(problem).map(InputProblem::field).contains("milestones[0].dueDate");
        assertThat(problem).map(InputProblem::rule).contains("dueDate.invalid");
        assertThat(problem).map(InputProblem::message).hasValueSatisfying(message -> assertThat(message)
                .contains("2027-02-30", "not a day in the calendar"));
    }

    @Test
    void anAmountWrittenWithAnExponentBreaksTheAmountFormat() {
        Optional<InputProblem> problem = find(OFFER_WITH_AMOUNT, Map.of("amount", "1e3", "currency", "USD"));

        assertThat(problem).map(InputProblem::rule).contains("amount.format");
    }

    @Test
    void anAmountSentAsAJsonNumberBreaksTheAmountFormat() {
        Optional<InputProblem> problem = find(OFFER_WITH_AMOUNT, Map.of("amount", 1000, "currency", "USD"));

        assertThat(problem).map(InputProblem::rule).contains("amount.format");
        assertThat(problem).map(InputProblem::message).hasValueSatisfying(message -> assertThat(message)
                .contains("written as a string"));
    }

    /** graphql-java's own sentence would read "Expected a String input, but it was a 'LinkedHashMap'". */
    @Test
    void anObjectWhereAStringBelongsIsNamedWithoutJavaTypes() {
        Optional<InputProblem> problem = find("query($account: String!) { ledgerAccount(account: $account, currency: \"USD\") "
                + "{ account } }", Map.of("account", Map.of("$regex", ".*")));

        assertThat(problem).contains(new InputProblem("account", "account.type", "account must be a string."));
    }

    @Test
    void aMissingInputIsNamedInput() {
        assertThat(find(OFFER, Map.of())).contains(new InputProblem("input", "input.required", "input is required."));
    }

    @Test
    void aSingleValueWhereAListBelongsCountsAsAListOfOne() {
        Map<String, Object> input = validOffer();
        input.put("milestones", milestone("12abc"));

        assertThat(find(OFFER, Map.of("input", input))).map(InputProblem::field).contains("milestones.depositAmount.amount");
    }

    @Test
    void validVariablesAndLeftOutOptionalOnesHaveNoProblem() {
        assertThat(find(OFFER, Map.of("input", validOffer()))).isEmpty();
        assertThat(find(CONTRACTS, Map.of())).isEmpty();
        assertThat(find(CONTRACTS, Map.of("first", 10, "filter", Map.of("status", List.of("ACTIVE"))))).isEmpty();
    }

    @Test
    void aLeftOutVariableWithADefaultHasNoProblem() {
        assertThat(find("query($first: Int! = 20) { contracts(first: $first) { pageInfo { hasNextPage } } }", Map.of()))
                .isEmpty();
        assertThat(find("query($first: Int! = 20) { contracts(first: $first) { pageInfo { hasNextPage } } }",
                nullValued("first"))).contains(new InputProblem("first", "first.required", "first is required."));
    }

    @Test
    void theNamedOperationIsTheOneChecked() {
        String document = OFFER.replace("mutation(", "mutation Offer(") + "\nquery Page($first: Int) { contracts(first: $first) { pageInfo { hasNextPage } } }";
        Map<String, Object> variables = Map.of("first", "ten");

        assertThat(InputProblemFinder.inVariables(SCHEMA, Parser.parse(document), "Page", variables))
                .map(InputProblem::field).contains("first");
        assertThat(InputProblemFinder.inVariables(SCHEMA, Parser.parse(document), null, variables))
                .as("ambiguous without a name").isEmpty();
    }

    // Values written into the document

    @Test
    void aDueDateNotInTheCalendarWrittenIntoTheDocumentIsNamedWithItsRule() {
        Optional<InputProblem> problem = findInLiterals(offerWith("depositAmount: {amount: \"100.00\", currency: \"USD\"}, dueDate: \"2027-02-30\""));

        assertThat(problem).map(InputProblem::field).contains("milestones[0].dueDate");
        assertThat(problem).map(InputProblem::rule).contains("dueDate.invalid");
    }

    @Test
    void anAmountWithAnExponentWrittenIntoTheDocumentBreaksTheAmountFormat() {
        Optional<InputProblem> problem = findInLiterals(offerWith("depositAmount: {amount: \"1e3\", currency: \"USD\"}, dueDate: \"2027-02-28\""));

        assertThat(problem).map(InputProblem::field).contains("milestones[0].depositAmount.amount");
        assertThat(problem).map(InputProblem::rule).contains("amount.format");
    }

    @Test
    void anAmountWrittenAsANumberIntoTheDocumentBreaksTheAmountFormat() {
        Optional<InputProblem> problem = findInLiterals(offerWith("depositAmount: {amount: 100, currency: \"USD\"}, dueDate: \"2027-02-28\""));

        assertThat(problem).map(InputProblem::rule).contains("amount.format");
    }

    @Test
    void anObjectWrittenWhereAStringBelongsIsNamedWithoutSyntaxTreeObjects() {
        Optional<InputProblem> problem = findInLiterals("{ ledgerAccount(account: {regex: \".*\"}, currency: \"USD\") { account } }");

        assertThat(problem).contains(new InputProblem("account", "account.type", "account must be a string."));
    }

    @Test
    void aRequiredFieldLeftOutOfAnObjectInTheDocumentIsNamed() {
        Optional<InputProblem> problem = findInLiterals(offerWith("depositAmount: {amount: \"100.00\"}, dueDate: \"2027-02-28\""));

        assertThat(problem).contains(new InputProblem("milestones[0].depositAmount.currency", "currency.required",
                "milestones[0].depositAmount.currency is required."));
    }

    @Test
    void argumentsInsideFragmentsAreChecked() {
        Optional<InputProblem> problem = findInLiterals("""
                { ...accounts }
                fragment accounts on Query { trialBalance(currency: 42) { balanced } }""");

        assertThat(problem).map(InputProblem::field).contains("currency");
    }

    @Test
    void whileTheDocumentIsValidatedVariablesAreNotLookedAt() {
        String withVariable = offerWith("depositAmount: {amount: $amount, currency: \"USD\"}, dueDate: \"2027-02-28\"")
                .replace("mutation {", "mutation($amount: Decimal!) {");

        assertThat(findInLiterals(withVariable)).as("$amount has no value yet").isEmpty();
        assertThat(findInLiterals(offerWith("depositAmount: {amount: \"100.00\", currency: \"USD\"}, dueDate: \"2027-02-28\"")))
                .isEmpty();
        assertThat(InputProblemFinder.inVariables(SCHEMA, Parser.parse(withVariable), null, Map.of("amount", "1e3")))
                .map(InputProblem::field).contains("milestones[0].depositAmount.amount");
    }

    @Test
    void fieldNamesFollowTheResolversConvention() {
        assertThat(InputProblem.fieldName(List.of("input", "milestones", 0, "depositAmount", "amount")))
                .isEqualTo("milestones[0].depositAmount.amount");
        assertThat(InputProblem.fieldName(List.of("input"))).isEqualTo("input");
        assertThat(InputProblem.fieldName(List.of("filter", "status", 2))).isEqualTo("filter.status[2]");
    }

    private static Optional<InputProblem> find(String document, Map<String, Object> variables) {
        return InputProblemFinder.inVariables(SCHEMA, Parser.parse(document), null, variables);
    }

    private static Optional<InputProblem> findInLiterals(String document) {
        return InputProblemFinder.inLiterals(SCHEMA, Parser.parse(document), null);
    }

    private static String offerWith(String milestoneFields) {
        return """
                mutation { offerFixedPriceContract(input: {idempotencyKey: "k", freelancerId: "carol", title: "Site",
                  currency: "USD", milestones: [{description: "Design", %s}]}) { contract { id } } }""".formatted(milestoneFields);
    }

    private static Map<String, Object> validOffer() {
        return new HashMap<>(Map.of("idempotencyKey", "offer-1", "freelancerId", "carol", "title", "Website",
                "currency", "USD", "milestones", List.of(milestone("100.00"))));
    }

    private static Map<String, Object> milestone(String amount) {
        return new HashMap<>(Map.of("description", "Design", "dueDate", "2025-03-31",
                "depositAmount", Map.of("amount", amount, "currency", "USD")));
    }

    private static Map<String, Object> nullValued(String name) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(name, null);
        return variables;
    }
}
