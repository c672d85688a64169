package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which value written into the document graphql-java's validation refused, named as the resolvers name fields. */
class LiteralProblemFinderTest {

    private static final GraphQLSchema SCHEMA = ApiSchema.withoutDataFetchers();

    @Test
    void aDueDateNotInTheCalendarIsNamedWithItsRule() {
        Optional<InputProblem> problem = find(offerWith("depositAmount: {amount: \"100.00\", currency: \"USD\"}, dueDate: \"2027-02-30\""));

        assertThat(problem).map(InputProblem::field).contains("milestones[0].dueDate");
        assertThat(problem).map(InputProblem::rule).contains("dueDate.invalid");
    }

    @Test
    void anAmountWithAnExponentBreaksTheAmountFormat() {
        Optional<InputProblem> problem = find(offerWith("depositAmount: {amount: \"1e3\", currency: \"USD\"}, dueDate: \"2027-02-28\""));

        assertThat(problem).map(InputProblem::field).contains("milestones[0].depositAmount.amount");
        assertThat(problem).map(InputProblem::rule).contains("amount.format");
    }

    @Test
    void anAmountWrittenAsANumberBreaksTheAmountFormat() {
        Optional<InputProblem> problem = find(offerWith("depositAmount: {amount: 100, currency: \"USD\"}, dueDate: \"2027-02-28\""));

        assertThat(problem).map(InputProblem::rule).contains("amount.format");
    }

    @Test
    void anObjectWhereAStringBelongsIsNamedWithoutSyntaxTreeObjects() {
        Optional<InputProblem> problem = find("{ ledgerAccount(account: {regex: \".*\"}, currency: \"USD\") { account } }");

        assertThat(problem).contains(new InputProblem("account", "account.type", "account must be a string."));
    }

    @Test
    void aMissingRequiredFieldOfAnInputObjectIsNamed() {
        Optional<InputProblem> problem = find(offerWith("depositAmount: {amount: \"100.00\"}, dueDate: \"2027-02-28\""));

        assertThat(problem).contains(new InputProblem("milestones[0].depositAmount.currency", "currency.required",
                "milestones[0].depositAmount.currency is required."));
    }

    @Test
    void argumentsInsideFragmentsAreChecked() {
        Optional<InputProblem> problem = find("""
                { ...accounts }
                fragment accounts on Query { trialBalance(currency: 42) { balanced } }""");

        assertThat(problem).map(InputProblem::field).contains("currency");
    }

    @Test
    void variablesAreLeftToTheVariableFinder() {
        assertThat(find("query($d: Date!) { contracts(first: 5) { pageInfo { hasNextPage } } }")).isEmpty();
        assertThat(find(offerWith("depositAmount: {amount: \"100.00\", currency: \"USD\"}, dueDate: \"2027-02-28\"")))
                .isEmpty();
    }

    private static Optional<InputProblem> find(String document) {
        return LiteralProblemFinder.find(SCHEMA, Parser.parse(document), null);
    }

    private static String offerWith(String milestoneFields) {
        return """
                mutation { offerFixedPriceContract(input: {idempotencyKey: "k", freelancerId: "carol", title: "Site",
                  currency: "USD", milestones: [{description: "Design", %s}]}) { contract { id } } }""".formatted(milestoneFields);
    }
}
