package io.freelance.ledger.query.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.testsupport.GraphQlApiTestBase;
import io.freelance.ledger.query.testsupport.GraphQlHttp.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only the finance team runs audits, reads their reports, asks for past trial balances and rebuilds the ledger. */
class LedgerAuditAuthorizationTest extends GraphQlApiTestBase {

    private static final List<String> FINANCE_ONLY = List.of(
            "mutation { startLedgerAudit(input: {}) { run { id } } }",
            "mutation { rebuildLedgerFromEvents { started } }",
            "query { ledgerAuditRun(id: \"any\") { id } }",
            "query { trialBalanceAsOf(currency: \"USD\", asOf: \"2026-10-31T23:59:59Z\") { total { amount } } }");

    @ParameterizedTest
    @ValueSource(strings = {"alice", "carol", "frank"})
    void everyoneButFinanceIsRefused(String user) {
        for (String document : FINANCE_ONLY) {
            Reply reply = graphQl.post(user, document, Map.of());

            assertThat(reply.firstErrorExtensions().path("classification").asString()).as(document).isEqualTo("FORBIDDEN");
            assertThat(reply.firstErrorExtensions().path("rule").asString()).as(document).isEqualTo("role.finance");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "frank"})
    void aPastBalanceOfSomeoneElsesAccountIsRefused(String user) {
        Reply reply = graphQl.post(user, """
                query { ledgerBalanceAsOf(account: "freelancer:carol:pending", currency: "USD", asOf: "2026-10-31T23:59:59Z") {
                  balance { amount } } }""", Map.of());

        assertThat(reply.firstErrorExtensions().path("classification").asString()).isEqualTo("FORBIDDEN");
    }
}
