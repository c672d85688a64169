package io.freelance.ledger.query.contract;

import io.freelance.ledger.query.graphql.CommandSender;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.freelance.ledger.common.AggregateVersions;
import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.query.testsupport.Entries;
import io.freelance.ledger.query.testsupport.GraphQlApiTestBase;
import io.freelance.ledger.query.testsupport.GraphQlHttp.Reply;
import io.freelance.ledger.query.testsupport.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Mutations against a stand-in command side: the mocked gateway records the command and, a moment
 * later on another thread, feeds the event it would cause to the projection, as the real event
 * processor does. The payload must show the change: the mutation waits for the read model.
 */
class GraphQlMutationTest extends GraphQlApiTestBase {

    private static final Executor LATER = CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS);
    private static final Instant AT = Instant.parse("2025-03-03T10:00:00Z");
    private static final String OFFER = """
            mutation($input: OfferFixedPriceContractInput!) {
              offerFixedPriceContract(input: $input) {
                contract {
                  id title status type currency offeredAt client { id role } freelancer { id }
                  milestones { id position description dueDate status depositAmount { amount currency } }
                }
              }
            }""";

    @Autowired
    private CommandGateway commandGateway;

    private final List<CommandMessage<?>> sent = new ArrayList<>();

    @BeforeEach
    void resetCommandSide() {
        org.mockito.Mockito.reset(commandGateway);
        sent.clear();
    }

    @Test
    void offeringAFixedPriceContractReturnsItOnceProjected() {
        commandSideOffers();

        Reply reply = graphQl.post("alice", "alice-pass", "request-42", OFFER, offerInput("offer-1", "500.00"));

        JsonNode contract = reply.data().path("offerFixedPriceContract").path("contract");
        assertThat(contract.path("status").asString()).as(reply.body().toString()).isEqualTo("OFFERED");
        assertThat(contract.path("type").asString()).isEqualTo("FIXED_PRICE");
        assertThat(contract.path("client").path("id").asString()).isEqualTo("alice");
        assertThat(contract.path("client").path("role").asString()).isEqualTo("CLIENT");
        assertThat(contract.path("freelancer").path("id").asString()).isEqualTo("carol");
        JsonNode milestone = contract.path("milestones").path(0);
        assertThat(milestone.path("position").asInt()).isEqualTo(1);
        assertThat(milestone.path("dueDate").asString()).isEqualTo("2025-03-31");
        assertThat(milestone.path("depositAmount").path("amount").isString()).as("Decimal is a JSON string").isTrue();
        assertThat(milestone.path("depositAmount").path("amount").asString()).isEqualTo("500.00");
        assertThat(contract.path("id").asString()).isEqualTo(DeterministicIds.contractId("alice", "offer-1"));
        assertThat(milestone.path("id").asString()).isEqualTo(DeterministicIds.offeredMilestoneId(contract.path("id").asString(), 0));
        assertThat(reply.requestId()).isEqualTo("request-42");
    }

    @Test
    void commandsCarryTheActorAndTheRequestIdInTheirMetadata() {
        commandSideOffers();

        graphQl.post("alice", "alice-pass", "request-42", OFFER, offerInput("offer-1", "500.00"));

        assertThat(sent).hasSize(1);
        Map<String, Object> metaData = sent.get(0).getMetaData();
        assertThat(Actor.fromMetaData(metaData)).isEqualTo(new Actor("alice", Role.CLIENT));
        assertThat(metaData).containsEntry(CommandSender.REQUEST_ID_KEY, "request-42")
                .containsEntry(CommandSender.TRACE_ID_KEY, "request-42");
    }

    /** Only the contract knows the terms first offered under a key, so a retry goes to it as well. */
    @Test
    void aRetriedOfferIsSentToTheContractAgainAndReturnsTheSameContract() {
        commandSideOffers();
        String first = graphQl.post("alice", OFFER, offerInput("offer-1", "500.00"))
                .data().path("offerFixedPriceContract").path("contract").path("id").asString();

        String retried = graphQl.post("alice", OFFER, offerInput("offer-1", "500.00"))
                .data().path("offerFixedPriceContract").path("contract").path("id").asString();

        assertThat(retried).isEqualTo(first);
        verify(commandGateway, times(2)).sendAndWait(any(), anyLong(), any());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getPayload()).as("the same offer, twice").isEqualTo(sent.get(0).getPayload());
    }

    @Test
    void theSameKeyFromAnotherClientIsAnotherContract() {
        commandSideOffers();
        String alices = graphQl.post("alice", OFFER, offerInput("offer-1", "500.00"))
                .data().path("offerFixedPriceContract").path("contract").path("id").asString();

        String bobs = graphQl.post("bob", OFFER, offerInput("offer-1", "500.00"))
                .data().path("offerFixedPriceContract").path("contract").path("id").asString();

        assertThat(bobs).isNotEqualTo(alices);
    }

    @Test
    void fundingAMilestoneWaitsForTheEscrowVersionTheCommandReturned() {
        seeds.accepted("c-1", "alice", "carol", AT);
        doAnswer(invocation -> {
            CommandMessage<?> message = invocation.getArgument(0);
            sent.add(message);
            FundMilestoneCommand command = (FundMilestoneCommand) message.getPayload();
            MilestoneFundedEvent funded = new MilestoneFundedEvent(command.escrowAccountId(), "c-1", command.milestoneId(),
                    command.idempotencyId(), usd("500.00"), usd("0.00"), usd("500.00"), usd("25.00"),
                    Entries.funding("fund-1", "alice", "c-1", command.milestoneId(), "500.00", "25.00"), AT);
            CompletableFuture.runAsync(() -> escrowProjection.on(funded, 1), LATER);
            return 1L;
        }).when(commandGateway).sendAndWait(any(), anyLong(), any());

        Reply reply = graphQl.post("alice", """
                mutation { fundMilestone(input: {contractId: "c-1", milestoneId: "c-1-m1", idempotencyKey: "fund-1"}) {
                  contract { milestones { id status currentEscrowAmount { amount } } escrow { currentEscrowAmount { amount } unallocatedAmount { amount } } }
                } }""");

        JsonNode contract = reply.data().path("fundMilestone").path("contract");
        assertThat(contract.path("milestones").path(0).path("status").asString()).as(reply.body().toString()).isEqualTo("ACTIVE");
        assertThat(contract.path("milestones").path(0).path("currentEscrowAmount").path("amount").asString()).isEqualTo("500.00");
        assertThat(contract.path("escrow").path("currentEscrowAmount").path("amount").asString()).isEqualTo("500.00");
        assertThat(contract.path("escrow").path("unallocatedAmount").path("amount").asString()).isEqualTo("0.00");
        FundMilestoneCommand command = (FundMilestoneCommand) sent.get(0).getPayload();
        assertThat(command.escrowAccountId()).isEqualTo("escrow-c-1");
        assertThat(command.idempotencyId()).isEqualTo(DeterministicIds.idempotencyId("fund-milestone", "c-1", "fund-1"));
        assertThat(sent.get(0).getMetaData()).as("the HTTP request id is metadata, not the idempotency id")
                .doesNotContainValue(command.idempotencyId());
    }

    /** The command was recorded but no projection shows it in time: said so, not passed off as the result. */
    @Test
    void aChangeTheReadModelDoesNotShowInTimeIsAnsweredAsPending() {
        seeds.accepted("c-1", "alice", "carol", AT);
        doAnswer(invocation -> 1L).when(commandGateway).sendAndWait(any(), anyLong(), any());

        Reply reply = graphQl.post("alice", """
                mutation { fundMilestone(input: {contractId: "c-1", milestoneId: "c-1-m1", idempotencyKey: "fund-1"}) {
                  contractId pending contract { milestones { status } }
                } }""");

        JsonNode payload = reply.data().path("fundMilestone");
        assertThat(reply.body().path("errors").isMissingNode()).as(reply.body().toString()).isTrue();
        assertThat(payload.path("pending").asBoolean()).isTrue();
        assertThat(payload.path("contractId").asString()).isEqualTo("c-1");
        assertThat(payload.path("contract").path("milestones").path(0).path("status").asString())
                .as("the contract as last seen, before the funding").isEqualTo("NOT_FUNDED");
    }

    @Test
    void anOfferTheReadModelDoesNotShowInTimeIsPendingWithoutAContract() {
        doAnswer(invocation -> DeterministicIds.contractId("alice", "offer-1")).when(commandGateway)
                .sendAndWait(any(), anyLong(), any());

        Reply reply = graphQl.post("alice", """
                mutation($input: OfferFixedPriceContractInput!) {
                  offerFixedPriceContract(input: $input) { contractId pending contract { id } }
                }""", offerInput("offer-1", "500.00"));

        JsonNode payload = reply.data().path("offerFixedPriceContract");
        assertThat(payload.path("pending").asBoolean()).as(reply.body().toString()).isTrue();
        assertThat(payload.path("contractId").asString()).isEqualTo(DeterministicIds.contractId("alice", "offer-1"));
        assertThat(payload.path("contract").isNull()).isTrue();
    }

    @Test
    void acceptingAFixedPriceContractShowsItsNewlyOpenedEscrow() {
        seeds.offered("c-1", "alice", "carol", AT);
        doAnswer(invocation -> {
            CommandMessage<?> message = invocation.getArgument(0);
            sent.add(message);
            // The Contract accepts and creates the EscrowAccount in one step; their events are projected separately.
            CompletableFuture.runAsync(() -> contractProjection.on(
                    new ContractAcceptedEvent("c-1", ContractType.FIXED_PRICE, "alice", "carol", AT), 1), LATER);
            CompletableFuture.runAsync(() -> escrowProjection.on(new EscrowAccountOpenedEvent("escrow-c-1", "c-1", "alice", "carol",
                    "USD", Seeds.milestones("c-1"), AT), 0), CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
            // As the Contract answers: both new versions, so the mutation waits for the escrow account too.
            return AggregateVersions.of(new AggregateVersion("Contract", "c-1", 1),
                    new AggregateVersion("EscrowAccount", "escrow-c-1", 0));
        }).when(commandGateway).sendAndWait(any(), anyLong(), any());

        Reply reply = graphQl.post("carol", "mutation { acceptContract(input: {contractId: \"c-1\"}) "
                + "{ contract { status escrow { status currentEscrowAmount { amount } } } } }");

        JsonNode contract = reply.data().path("acceptContract").path("contract");
        assertThat(contract.path("status").asString()).as(reply.body().toString()).isEqualTo("ACTIVE");
        assertThat(contract.path("escrow").path("status").asString()).isEqualTo("OPEN");
        assertThat(sent.get(0).getPayload()).isEqualTo(new AcceptContractCommand("c-1"));
    }

    @Test
    void aDecimalWrittenWithOneDecimalIsKeptExactToTheCent() {
        commandSideOffers();

        Reply reply = graphQl.post("alice", OFFER, offerInput("offer-1", "105.5"));

        JsonNode amount = reply.data().path("offerFixedPriceContract").path("contract").path("milestones").path(0).path("depositAmount").path("amount");
        assertThat(amount.asString()).as(reply.body().toString()).isEqualTo("105.50");
        OfferFixedPriceContractCommand command = (OfferFixedPriceContractCommand) sent.get(0).getPayload();
        assertThat(command.milestones().get(0).depositAmount()).isEqualTo(usd("105.50"));
    }

    /** A JSON number is a binary double in JavaScript: the amount would not be what the person typed. */
    @Test
    void aDecimalSentAsAJsonNumberIsRefusedAndNothingIsSent() {
        commandSideOffers();

        Reply reply = graphQl.post("alice", OFFER, offerInput("offer-1", 105.5));

        JsonNode extensions = reply.firstErrorExtensions();
        assertThat(extensions.path("field").asString()).isEqualTo("milestones[0].depositAmount.amount");
        assertThat(extensions.path("rule").asString()).isEqualTo("amount.format");
        assertThat(sent).isEmpty();
    }

    @Test
    void timesAreIsoInstantsInUtc() {
        seeds.accepted("c-1", "alice", "carol", AT);

        JsonNode contract = graphQl.post("alice", "{ contract(id: \"c-1\") { offeredAt acceptedAt escrow { openedAt } } }")
                .data().path("contract");

        assertThat(Instant.parse(contract.path("offeredAt").asString())).isEqualTo(AT);
        assertThat(contract.path("offeredAt").asString()).endsWith("Z");
    }

    /** The command side as far as offers go: the offer event follows a moment after the command. */
    private void commandSideOffers() {
        doAnswer(invocation -> {
            CommandMessage<?> message = invocation.getArgument(0);
            sent.add(message);
            OfferFixedPriceContractCommand command = (OfferFixedPriceContractCommand) message.getPayload();
            FixedPriceContractOfferedEvent offered = new FixedPriceContractOfferedEvent(command.contractId(), command.clientId(),
                    command.freelancerId(), command.title(), command.currency(), command.milestones(), AT);
            CompletableFuture.runAsync(() -> contractProjection.on(offered, 0), LATER);
            return command.contractId();
        }).when(commandGateway).sendAndWait(any(), anyLong(), any());
    }

    private static Map<String, Object> offerInput(String idempotencyKey, Object amount) {
        return Map.of("input", Map.of(
                "idempotencyKey", idempotencyKey,
                "freelancerId", "carol",
                "title", "Website",
                "currency", "USD",
                "milestones", List.of(Map.of(
                        "description", "Design",
                        "depositAmount", Map.of("amount", amount, "currency", "USD"),
                        "dueDate", "2025-03-31"))));
    }
}
