package io.freelance.ledger.query.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.query.testsupport.GraphQlApiTestBase;
import io.freelance.ledger.query.testsupport.GraphQlHttp.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphQlPaginationTest extends GraphQlApiTestBase {

    private static final String CONTRACTS = """
            query($first: Int, $after: String, $filter: ContractFilter) {
              contracts(first: $first, after: $after, filter: $filter) {
                edges { cursor node { id status } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final Instant FIRST_OFFER = Instant.parse("2025-03-03T10:00:00Z");

    /** alice offers carol c-1 … c-5, one minute apart; c-2 and c-4 are accepted. bob offers carol c-6. */
    @BeforeEach
    void seed() {
        for (int number = 1; number <= 5; number++) {
            seeds.offered("c-" + number, "alice", "carol", FIRST_OFFER.plusSeconds(60L * number));
        }
        for (String accepted : List.of("c-2", "c-4")) {
            contractProjection.on(new ContractAcceptedEvent(accepted, ContractType.FIXED_PRICE, "alice", "carol", FIRST_OFFER), 1);
        }
        seeds.offered("c-6", "bob", "carol", FIRST_OFFER);
    }

    @Test
    void pagesWalkThroughEveryContractNewestFirstWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        String after = null;
        List<Boolean> hasNextPages = new ArrayList<>();
        do {
            JsonNode page = contracts("alice", 2, after, null).data().path("contracts");
            page.path("edges").forEach(edge -> seen.add(edge.path("node").path("id").asString()));
            hasNextPages.add(page.path("pageInfo").path("hasNextPage").asBoolean());
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asString() : null;
        } while (after != null);

        assertThat(seen).containsExactly("c-5", "c-4", "c-3", "c-2", "c-1");
        assertThat(hasNextPages).containsExactly(true, true, false);
    }

    @Test
    void theFreelancerSeesContractsOfEveryClient() {
        JsonNode edges = contracts("carol", 20, null, Map.of("role", "FREELANCER")).data().path("contracts").path("edges");

        assertThat(edges).hasSize(6);
    }

    @Test
    void filtersNarrowBySideAndStatus() {
        JsonNode active = contracts("alice", 20, null, Map.of("status", List.of("ACTIVE"))).data().path("contracts").path("edges");
        assertThat(active).extracting(edge -> edge.path("node").path("id").asString()).containsExactly("c-4", "c-2");

        JsonNode asFreelancer = contracts("alice", 20, null, Map.of("role", "FREELANCER")).data().path("contracts").path("edges");
        assertThat(asFreelancer).isEmpty();
    }

    @Test
    void aNegativePageSizeIsABadRequestNotTheDefaultPage() {
        Reply reply = contracts("alice", -5, null, null);

        assertThat(reply.data().isNull()).isTrue();
        assertThat(reply.firstErrorExtensions().path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(reply.firstErrorExtensions().path("field").asString()).isEqualTo("first");
        assertThat(reply.firstErrorExtensions().path("rule").asString()).isEqualTo("page.size");
    }

    @Test
    void aPageLargerThanOneHundredIsABadRequest() {
        Reply reply = contracts("alice", 101, null, null);

        assertThat(reply.data().isNull()).isTrue();
        assertThat(reply.firstErrorExtensions().path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(reply.firstErrorExtensions().path("field").asString()).isEqualTo("first");
        assertThat(reply.firstErrorExtensions().path("rule").asString()).isEqualTo("page.size");
        assertThat(contracts("alice", 100, null, null).errors().isMissingNode()).isTrue();
        assertThat(contracts("alice", 0, null, null).firstErrorExtensions().path("field").asString()).isEqualTo("first");
    }

    @Test
    void aCursorThatIsNotOneOfOursIsABadRequest() {
        Reply reply = contracts("alice", 2, "not-a-cursor", null);

        assertThat(reply.firstErrorExtensions().path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(reply.firstErrorExtensions().path("field").asString()).isEqualTo("after");
        assertThat(reply.firstErrorExtensions().path("rule").asString()).isEqualTo("cursor.invalid");
    }

    @Test
    void statementsHaveTheSamePageLimit() {
        Reply reply = graphQl.post("erin", "{ ledgerAccount(account: \"platform:fees:service\", currency: \"USD\") "
                + "{ statement(first: 500) { edges { cursor } } } }");

        assertThat(reply.firstErrorExtensions().path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(reply.firstErrorExtensions().path("rule").asString()).isEqualTo("page.size");
    }

    private Reply contracts(String user, int first, String after, Map<String, Object> filter) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        variables.put("after", after);
        variables.put("filter", filter);
        return graphQl.post(user, CONTRACTS, variables);
    }
}
