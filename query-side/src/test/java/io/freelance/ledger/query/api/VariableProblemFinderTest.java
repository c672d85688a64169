package io.freelance.ledger.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.freelance.ledger.query.api.VariableProblemFinder.VariableProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Which variable value graphql-java refused, named as the resolvers name fields; against the real schema. */
class VariableProblemFinderTest {

    private static final GraphQLSchema SCHEMA = schema();

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

        assertThat(find(OFFER, Map.of("input", input))).contains(new VariableProblem("title", "title is required."));
    }

    @Test
    void aFieldSentAsNullIsMissingToo() {
        Map<String, Object> input = validOffer();
        input.put("title", null);

        assertThat(find(OFFER, Map.of("input", input))).contains(new VariableProblem("title", "title is required."));
    }

    @Test
    void aValueTheScalarRefusesIsNamedByItsPathThroughListsAndObjects() {
        Map<String, Object> input = validOffer();
        input.put("milestones", List.of(milestone("100.00"), milestone("12abc")));

        Optional<VariableProblem> problem = find(OFFER, Map.of("input", input));

        assertThat(problem).map(VariableProblem::field).contains("milestones[1].depositAmount.amount");
        assertThat(problem).map(VariableProblem::message).contains("'12abc' is not a decimal number; "
                + "milestones[1].depositAmount.amount must be a decimal such as \"105.00\".");
    }

    @Test
    void aVariableUsedInsideALiteralIsNamedWhereItIsUsed() {
        Optional<VariableProblem> problem = find(OFFER_WITH_AMOUNT, Map.of("amount", "five dollars", "currency", "USD"));

        assertThat(problem).map(VariableProblem::field).contains("milestones[0].depositAmount.amount");
        assertThat(problem).map(VariableProblem::message).hasValueSatisfying(message -> assertThat(message)
                .contains("five dollars", "must be a decimal"));
    }

    @Test
    void aVariableThatIsAQueryArgumentIsNamedByTheArgument() {
        Optional<VariableProblem> problem = find(CONTRACTS, Map.of("first", "ten"));

        assertThat(problem).map(VariableProblem::field).contains("first");
        assertThat(problem).map(VariableProblem::message).hasValueSatisfying(message -> assertThat(message)
                .endsWith("first must be a whole number."));
    }

    @Test
    void anUnknownEnumValueIsNamedWithTheValuesAllowed() {
        Optional<VariableProblem> problem = find(CONTRACTS, Map.of("filter", Map.of("status", List.of("ACTIVE", "OPEN"))));

        assertThat(problem).map(VariableProblem::field).contains("filter.status[1]");
        assertThat(problem).map(VariableProblem::message).hasValueSatisfying(message -> assertThat(message)
                .contains("'OPEN'", "OFFERED, DECLINED, ACTIVE, PAUSED, ENDED"));
    }

    @Test
    void aFieldTheInputTypeDoesNotHaveIsNamed() {
        Map<String, Object> milestone = milestone("100.00");
        milestone.put("colour", "blue");
        Map<String, Object> input = validOffer();
        input.put("milestones", List.of(milestone));

        Optional<VariableProblem> problem = find(OFFER, Map.of("input", input));

        assertThat(problem).map(VariableProblem::field).contains("milestones[0].colour");
        assertThat(problem).map(VariableProblem::message).hasValueSatisfying(message -> assertThat(message)
                .contains("MilestoneInput", "description, depositAmount, dueDate"));
    }

    @Test
    void somethingElseWhereAnObjectBelongsIsNamed() {
        Map<String, Object> milestone = milestone("100.00");
        milestone.put("depositAmount", "100.00 USD");
        Map<String, Object> input = validOffer();
        input.put("milestones", List.of(milestone));

        assertThat(find(OFFER, Map.of("input", input))).map(VariableProblem::field).contains("milestones[0].depositAmount");
    }

    @Test
    void aMissingInputIsNamedInput() {
        assertThat(find(OFFER, Map.of())).contains(new VariableProblem("input", "input is required."));
    }

    @Test
    void aSingleValueWhereAListBelongsCountsAsAListOfOne() {
        Map<String, Object> input = validOffer();
        input.put("milestones", milestone("12abc"));

        assertThat(find(OFFER, Map.of("input", input))).map(VariableProblem::field).contains("milestones.depositAmount.amount");
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
                nullValued("first"))).contains(new VariableProblem("first", "first is required."));
    }

    @Test
    void theNamedOperationIsTheOneChecked() {
        String document = OFFER.replace("mutation(", "mutation Offer(") + "\nquery Page($first: Int) { contracts(first: $first) { pageInfo { hasNextPage } } }";
        Map<String, Object> variables = Map.of("first", "ten");

        assertThat(VariableProblemFinder.find(SCHEMA, Parser.parse(document), "Page", variables))
                .map(VariableProblem::field).contains("first");
        assertThat(VariableProblemFinder.find(SCHEMA, Parser.parse(document), null, variables))
                .as("ambiguous without a name").isEmpty();
    }

    @Test
    void fieldNamesFollowTheResolversConvention() {
        assertThat(VariableProblemFinder.fieldName(List.of("input", "milestones", 0, "depositAmount", "amount")))
                .isEqualTo("milestones[0].depositAmount.amount");
        assertThat(VariableProblemFinder.fieldName(List.of("input"))).isEqualTo("input");
        assertThat(VariableProblemFinder.fieldName(List.of("filter", "status", 2))).isEqualTo("filter.status[2]");
    }

    private static Optional<VariableProblem> find(String document, Map<String, Object> variables) {
        return VariableProblemFinder.find(SCHEMA, Parser.parse(document), null, variables);
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

    /** The application's schema files with its scalars; no data fetchers, which finding needs none of. */
    private static GraphQLSchema schema() {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
                types.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(ScalarConfiguration.DATE_TIME).scalar(ExtendedScalars.Date).scalar(ScalarConfiguration.DECIMAL)
                .build();
        return new SchemaGenerator().makeExecutableSchema(types, wiring);
    }
}
