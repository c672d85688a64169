package io.freelance.ledger.query.graphql;

import io.freelance.ledger.query.contract.DeterministicIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.failure.CommandFailures;
import io.freelance.ledger.query.testsupport.GraphQlApiTestBase;
import io.freelance.ledger.query.testsupport.GraphQlHttp.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/** What each kind of failure looks like to the caller: classification, field and rule in extensions. */
class GraphQlErrorMappingTest extends GraphQlApiTestBase {

    private static final String CONTRACT = "c-1";
    private static final String FUND = """
            mutation($contractId: ID!) {
              fundMilestone(input: {contractId: $contractId, milestoneId: "c-1-m1", idempotencyKey: "k-1"}) { contract { id } }
            }""";
    private static final String OFFER = """
            mutation($amount: Decimal!, $currency: String!) {
              offerFixedPriceContract(input: {
                idempotencyKey: "offer-1", freelancerId: "carol", title: "Website", currency: $currency,
                milestones: [{description: "Design", depositAmount: {amount: $amount, currency: $currency}, dueDate: "2025-03-31"}]
              }) { contract { id } }
            }""";

    private static final String OFFER_INPUT = """
            mutation($input: OfferFixedPriceContractInput!) { offerFixedPriceContract(input: $input) { contract { id } } }""";

    @Autowired
    private CommandGateway commandGateway;

    @BeforeEach
    void seed() {
        reset(commandGateway);
        seeds.accepted(CONTRACT, "alice", "carol", Instant.parse("2025-03-03T10:00:00Z"));
    }

    @Test
    void aRuleViolationFromALocalHandlerIsReportedWithItsFieldAndRule() {
        commandFails(RuleViolation.conflict("milestoneId", "milestone.one-active", "Another milestone is active."));

        Reply reply = fund("alice");

        assertError(reply, "CONFLICT", "milestoneId", "milestone.one-active");
        assertThat(reply.errors().path(0).path("message").asString()).isEqualTo("Another milestone is active.");
        assertThat(reply.errors().path(0).path("path").path(0).asString()).isEqualTo("fundMilestone");
    }

    @Test
    void aLedgerErrorInTheDetailsOfARemoteFailureIsReportedTheSameWay() {
        LedgerError error = LedgerError.badRequest("depositAmount", "milestone.amount.minimum", "A milestone is at least 5.00.");
        commandFails(new CommandExecutionException("remote failure", null, error));

        assertError(fund("alice"), "BAD_REQUEST", "depositAmount", "milestone.amount.minimum");
    }

    @Test
    void remoteDetailsThatArriveAsAMapAreUnderstoodToo() {
        Map<String, Object> details = Map.of("category", "FORBIDDEN", "field", "milestoneId", "rule", "role.client",
                "message", "Only the client funds milestones.");
        commandFails(new CommandExecutionException("remote failure", null, details));

        assertError(fund("alice"), "FORBIDDEN", "milestoneId", "role.client");
    }

    /** Axon's own refusals arrive as the command side's bus translates them: details of a failed command. */
    @Test
    void aMissingEscrowAccountIsNotFoundOnTheContractId() {
        String escrowAccountId = EscrowAccountId.forContract(CONTRACT);
        commandFails(translated(new AggregateNotFoundException(escrowAccountId, "The aggregate was not found in the event store"),
                CommandFailures.aggregateNotFound(escrowAccountId)));

        assertError(fund("alice"), "NOT_FOUND", "contractId", "escrow.not-found");
    }

    /**
     * The contract id derives from the client and the idempotency key, so a contract created by another offer
     * a moment earlier was offered under the same key. The offer is sent again to reach that contract, which
     * tells a retry (answered as recorded, pending until the read model shows it) from a reused key.
     */
    @Test
    void anOfferThatLostTheRaceToCreateItsContractIsSentAgainForTheContractToDecide() {
        doThrow(translated(new AggregateStreamCreationException("Cannot reuse aggregate identifier"), CommandFailures.aggregateAlreadyExists()))
                .doReturn(DeterministicIds.contractId("alice", "offer-1"))
                .when(commandGateway).sendAndWait(any(), anyLong(), any());

        Reply reply = graphQl.post("alice", """
                mutation($amount: Decimal!, $currency: String!) {
                  offerFixedPriceContract(input: {idempotencyKey: "offer-1", freelancerId: "carol", title: "Landing page",
                    currency: $currency, milestones: [{description: "Design", depositAmount: {amount: $amount, currency: $currency},
                    dueDate: "2025-03-31"}]}) { contractId pending contract { id } }
                }""", Map.of("amount", "500.00", "currency", "USD"));

        assertThat(reply.errors().isMissingNode() || reply.errors().isEmpty()).as(reply.body().toString()).isTrue();
        assertThat(reply.data().path("offerFixedPriceContract").path("pending").asBoolean()).isTrue();
        assertThat(reply.data().path("offerFixedPriceContract").path("contractId").asString())
                .isEqualTo(DeterministicIds.contractId("alice", "offer-1"));
        verify(commandGateway, times(2)).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void springSecuritysAccessDeniedIsForbidden() {
        commandFails(new AccessDeniedException("no"));

        assertError(fund("alice"), "FORBIDDEN", null, "access.denied");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorThatRevealsNothing() {
        commandFails(new IllegalStateException("connection to mongodb://admin:secret@db failed"));

        Reply reply = fund("alice");

        assertThat(reply.firstErrorExtensions().path("classification").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(reply.errors().path(0).path("message").asString()).doesNotContain("secret").doesNotContain("mongodb").contains("error");
    }

    @Test
    void anAmountFinerThanTheCurrencyAllowsIsRefusedBeforeAnyCommand() {
        Reply reply = graphQl.post("alice", OFFER, Map.of("amount", "500.50", "currency", "JPY"));

        assertError(reply, "BAD_REQUEST", "milestones[0].depositAmount.amount", "amount.precision");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsBreaksTheAmountFormatBeforeAnyCommand() {
        Reply reply = graphQl.post("alice", OFFER, Map.of("amount", "5.001", "currency", "USD"));

        assertRequestError(reply, "milestones[0].depositAmount.amount", "amount.format");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void anUnknownCurrencyIsRefusedBeforeAnyCommand() {
        Reply reply = graphQl.post("alice", OFFER, Map.of("amount", "500.00", "currency", "XYZ"));

        assertError(reply, "BAD_REQUEST", "currency", "currency.unknown");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aDecimalThatIsNotANumberIsABadRequestOnTheFieldItFeeds() {
        Reply reply = graphQl.post("alice", OFFER, Map.of("amount", "five dollars", "currency", "USD"));

        assertRequestError(reply, "milestones[0].depositAmount.amount", "amount.format");
        assertThat(reply.errors().path(0).path("message").asString())
                .startsWith("milestones[0].depositAmount.amount: 'five dollars' is not written as an amount");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aRequiredFieldLeftOutOfTheInputIsABadRequestOnThatField() {
        Map<String, Object> input = Map.of("idempotencyKey", "offer-1", "freelancerId", "carol", "currency", "USD",
                "milestones", List.of(Map.of("description", "Design", "dueDate", "2025-03-31",
                        "depositAmount", Map.of("amount", "100.00", "currency", "USD"))));

        Reply reply = graphQl.post("alice", OFFER_INPUT, Map.of("input", input));

        assertRequestError(reply, "title", "title.required");
        assertThat(reply.errors().path(0).path("message").asString()).isEqualTo("title is required.");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aMalformedDocumentIsABadRequestWithoutAField() {
        Reply reply = graphQl.post("alice", "mutation { fundMilestone(input: {contractId: ");

        assertRequestError(reply, null, RequestErrorInterceptor.RULE);
        verifyNoInteractions(commandGateway);
    }

    @Test
    void submittedWorkNeedsANote() {
        String submit = "mutation($input: SubmitMilestoneInput!) { submitMilestone(input: $input) { contract { id } } }";

        Reply missing = graphQl.post("carol", submit, Map.of("input", Map.of("contractId", CONTRACT, "milestoneId", "c-1-m1")));
        Reply blank = graphQl.post("carol", submit,
                Map.of("input", Map.of("contractId", CONTRACT, "milestoneId", "c-1-m1", "note", " ")));

        assertRequestError(missing, "note", "note.required");
        assertError(blank, "BAD_REQUEST", "note", "note.required");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void actingOnSomeoneElsesContractIsNotFoundAsTheAggregateDecides() {
        // The aggregate owns the parties; the API passes its answer on unchanged.
        doThrow(RuleViolation.notFound("contractId", "contract.not-found", "There is no contract " + CONTRACT + "."))
                .when(commandGateway).sendAndWait(any(), anyLong(), any());

        assertError(fund("bob"), "NOT_FOUND", "contractId", "contract.not-found");
        assertError(fund("dave"), "NOT_FOUND", "contractId", "contract.not-found");
    }

    @Test
    void financeAndDisputeHandlersMayReadTheContractButActingOnItIsForbiddenAndSendsNothing() {
        for (String overseer : List.of("erin", "frank")) {
            assertThat(graphQl.post(overseer, "query($id: ID!) { contract(id: $id) { id } }", Map.of("id", CONTRACT))
                    .data().path("contract").path("id").asString()).isEqualTo(CONTRACT);

            Reply reply = fund(overseer);

            assertError(reply, "FORBIDDEN", "contractId", "role.read-only");
            assertThat(reply.errors().path(0).path("message").asString()).contains(CONTRACT, "not change them");
        }
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aBlankDescriptionInAnEditIsRefusedNotIgnored() {
        Reply reply = graphQl.post("alice", """
                mutation { editMilestone(input: {contractId: "c-1", milestoneId: "c-1-m1", description: " "}) { contract { id } } }""");

        assertError(reply, "BAD_REQUEST", "description", "description.required");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aBlankIdempotencyKeyIsRefused() {
        Reply reply = graphQl.post("alice", """
                mutation { fundMilestone(input: {contractId: "c-1", milestoneId: "c-1-m1", idempotencyKey: " "}) { contract { id } } }""");

        assertError(reply, "BAD_REQUEST", "idempotencyKey", "idempotencyKey.required");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void tooManyMilestoneIdsAreRefused() {
        List<String> ids = java.util.stream.IntStream.range(0, Inputs.MAX_MILESTONES + 1).mapToObj(i -> "m-" + i).toList();
        Reply reply = graphQl.post("alice", "mutation($ids: [ID!]!) { reorderMilestones(input: {contractId: \"c-1\", milestoneIds: $ids}) "
                + "{ contract { id } } }", Map.of("ids", ids));

        assertError(reply, "BAD_REQUEST", "milestoneIds", "milestoneIds.too-many");
    }

    private Reply fund(String user) {
        return graphQl.post(user, FUND, Map.of("contractId", CONTRACT));
    }

    private static CommandExecutionException translated(RuntimeException axonFailure, LedgerError refusal) {
        return new CommandExecutionException(refusal.message(), axonFailure, refusal);
    }

    private void commandFails(RuntimeException failure) {
        doThrow(failure).when(commandGateway).sendAndWait(any(), anyLong(), any());
    }

    private static void assertError(Reply reply, String classification, String field, String rule) {
        assertError(reply, 200, classification, field, rule);
    }

    /**
     * Refused before anything ran: the document or its variables. The GraphQL over HTTP spec has a
     * {@code application/graphql-response+json} reply to such a request carry status 400.
     */
    private static void assertRequestError(Reply reply, String field, String rule) {
        assertError(reply, 400, "BAD_REQUEST", field, rule);
    }

    private static void assertError(Reply reply, int status, String classification, String field, String rule) {
        JsonNode extensions = reply.firstErrorExtensions();
        assertThat(reply.status()).isEqualTo(status);
        assertThat(extensions.path("classification").asString()).as(reply.body().toString()).isEqualTo(classification);
        if (field == null) {
            assertThat(extensions.has("field")).isFalse();
        } else {
            assertThat(extensions.path("field").asString()).isEqualTo(field);
        }
        assertThat(extensions.path("rule").asString()).isEqualTo(rule);
    }
}
