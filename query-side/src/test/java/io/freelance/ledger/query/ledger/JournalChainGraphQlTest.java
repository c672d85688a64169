package io.freelance.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.testsupport.GraphQlApiTestBase;
import io.freelance.ledger.query.testsupport.GraphQlHttp.Reply;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Only finance verifies the journal's hash chain and reads its anchors; bad anchors are refused by field and rule. */
class JournalChainGraphQlTest extends GraphQlApiTestBase {

    private static final String VERIFY = """
            { verifyJournalChain { ok entriesChecked head { sequence hash } firstBreak { kind } anchorReached eventsPerSecond } }""";
    private static final String ANCHOR = "{ journalChainAnchor { sequence hash anchoredAt export } }";
    private static final String ANCHORS = "{ journalChainAnchors(first: 5) { edges { node { sequence } } pageInfo { hasNextPage } } }";

    @Test
    void financeVerifiesTheChain() {
        JsonNode verification = data(graphQl.post("erin", VERIFY)).path("verifyJournalChain");

        assertThat(verification.path("ok").asBoolean()).isTrue();
        assertThat(verification.path("entriesChecked").asInt()).isZero();
        assertThat(verification.path("head").path("hash").asString()).isEqualTo("0".repeat(64));
        assertThat(verification.path("firstBreak").isNull()).isTrue();
        assertThat(verification.path("anchorReached").isNull()).isTrue();
    }

    @Test
    void financeExportsTheHeadAsAnAnchorAndTheChainReachesIt() {
        JsonNode anchor = data(graphQl.post("erin", ANCHOR)).path("journalChainAnchor");
        assertThat(Instant.parse(anchor.path("anchoredAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(anchor.path("export").asString()).contains("\"hash\":\"" + anchor.path("hash").asString() + "\"");

        JsonNode verification = data(graphQl.post("erin", "{ verifyJournalChain(anchor: { sequence: %d, hash: \"%s\" }) { ok anchorReached } }"
                .formatted(anchor.path("sequence").asInt(), anchor.path("hash").asString()))).path("verifyJournalChain");

        assertThat(verification.path("ok").asBoolean()).isTrue();
        assertThat(verification.path("anchorReached").asBoolean()).isTrue();
    }

    @Test
    void financeListsKeptAnchors() {
        JsonNode anchors = data(graphQl.post("erin", ANCHORS)).path("journalChainAnchors");

        assertThat(anchors.path("edges").isArray()).isTrue();
        assertThat(anchors.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "carol", "frank"})
    void nobodyButFinanceMayVerifyOrExport(String user) {
        for (String query : new String[] {VERIFY, ANCHOR, ANCHORS}) {
            JsonNode error = graphQl.post(user, query).errors().get(0);

            assertThat(error.path("extensions").path("classification").asString()).as(query).isEqualTo("FORBIDDEN");
            assertThat(error.path("extensions").path("rule").asString()).isEqualTo("role.finance");
        }
    }

    @Test
    void anAnchorHashThatIsNotSha256IsRefusedNamingItsField() {
        JsonNode error = graphQl.post("erin", "{ verifyJournalChain(anchor: { sequence: 1, hash: \"abc\" }) { ok } }")
                .errors().get(0);

        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("anchor.hash");
    }

    private static JsonNode data(Reply reply) {
        assertThat(reply.errors().isMissingNode() || reply.errors().isEmpty()).as(reply.body().toString()).isTrue();
        return reply.data();
    }
}
