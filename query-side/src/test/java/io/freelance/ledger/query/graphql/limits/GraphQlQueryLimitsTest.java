package io.freelance.ledger.query.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import io.freelance.ledger.query.testsupport.GraphQlApiTestBase;
import io.freelance.ledger.query.testsupport.GraphQlHttp.Reply;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One request cannot keep the service busy: depth, aliases and cost are limited, each refusal a
 * classified BAD_REQUEST naming its rule, before any field is resolved.
 */
class GraphQlQueryLimitsTest extends GraphQlApiTestBase {

    private static final String CONTRACT_PAGE = """
            contracts(first: 100) { edges { node { id title type status currency client { id } freelancer { id }
              milestones { id position description status depositAmount { amount currency } releasedAmount { amount } }
              escrow { status currentEscrowAmount { amount } unallocatedAmount { amount } } } } }""";

    @Test
    void theIntrospectionQueryOfSchemaExplorersIsAnswered() {
        Reply reply = graphQl.post("alice", IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(reply.errors().isMissingNode() || reply.errors().isEmpty()).as(reply.body().toString()).isTrue();
        assertThat(reply.data().path("__schema").path("types").size()).isGreaterThan(10);
    }

    @Test
    void deeplyNestedIntrospectionIsRefusedForItsDepth() {
        String nested = "{ __schema { types { " + "fields { type { ".repeat(8) + "name" + " } }".repeat(8) + " } } }";

        JsonNode error = refused(graphQl.post("alice", nested), "query.depth");

        assertThat(error.path("message").asString()).contains("at most 15");
    }

    /** graphql-java's own check would answer with a classification of its own, "BadFaithIntrospection". */
    @Test
    void introspectionThatRepeatsTypeFieldsIsRefusedWithADocumentedClassification() {
        String repeated = "{ __schema { types { fields { type { fields { name } } } } } }";

        refused(graphQl.post("alice", repeated), "query.introspection");
    }

    @Test
    void aThousandAliasesOfTheTrialBalanceAreRefused() {
        String aliases = IntStream.range(0, 1000)
                .mapToObj(index -> "t" + index + ": trialBalance(currency: \"USD\") { balanced }")
                .collect(Collectors.joining(" ", "{ ", " }"));

        refused(graphQl.post("erin", aliases), "query.aliases");
    }

    @Test
    void thirtyAliasesAreAllowed() {
        String aliases = IntStream.range(0, 30).mapToObj(index -> "m" + index + ": me { id }")
                .collect(Collectors.joining(" ", "{ ", " }"));

        Reply reply = graphQl.post("alice", aliases);

        assertThat(reply.data().path("m29").path("id").asString()).as(reply.body().toString()).isEqualTo("alice");
    }

    @Test
    void aRequestCostingMoreThanTheLimitIsRefused() {
        Reply reply = graphQl.post("alice", "{ first: " + CONTRACT_PAGE + " second: " + CONTRACT_PAGE + " }");

        JsonNode error = refused(reply, "query.complexity");
        assertThat(error.path("message").asString()).contains("at most 5000");
    }

    @Test
    void onePageOfContractsWithTheirMilestonesAndEscrowIsWithinTheLimit() {
        Reply reply = graphQl.post("alice", "{ " + CONTRACT_PAGE + " }");

        assertThat(reply.errors().isMissingNode() || reply.errors().isEmpty()).as(reply.body().toString()).isTrue();
    }

    private static JsonNode refused(Reply reply, String rule) {
        assertThat(reply.errors().size()).as(reply.body().toString()).isEqualTo(1);
        JsonNode error = reply.errors().path(0);
        assertThat(error.path("extensions").path("classification").asString()).as(error.toString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("rule").asString()).as(error.toString()).isEqualTo(rule);
        assertThat(reply.data().isMissingNode() || reply.data().isNull()).as("nothing resolved: %s", reply.body()).isTrue();
        return error;
    }
}
