package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.axoniq.axonserver.grpc.command.CommandResponse;
import io.freelance.ledger.command.infrastructure.FailureTranslatingCommandBus;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import io.freelance.ledger.contract.OfferHourlyContractCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.query.graphql.Rejections;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * In distributed mode a command's failure reaches the query side through Axon Server as a message and
 * details, never as the exception's class. Here real commands fail in the command side's own bus, on
 * the real event store, and each result goes through Axon's own Axon Server wire format: serialized
 * into the protobuf reply with the command side's message serializer, written to bytes, read back and
 * deserialized with a serializer built as the query side builds its own, then classified by the query
 * side's {@link Rejections}. Only the network between the two is left out.
 */
class CommandFailuresAcrossAxonServerTest extends StandaloneTestBase {

    private static final Actor ALICE = new Actor("alice", Role.CLIENT);
    private static final Actor BOB = new Actor("bob", Role.CLIENT);
    private static final Actor CAROL = new Actor("carol", Role.FREELANCER);

    @Autowired
    CommandBus commandBus;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer commandSideSerializer;

    @Test
    void theCommandSideHandlesCommandsOnTheTranslatingBus() {
        assertThat(commandBus).isInstanceOf(FailureTranslatingCommandBus.class);
    }

    @Test
    void anEscrowCommandOnAnHourlyContractArrivesAsNotFoundNamingTheContract() throws Exception {
        String contractId = unique("hourly");
        assertThat(dispatch(hourlyOffer(contractId), ALICE).isExceptional()).isFalse();

        CommandResultMessage<?> failed = dispatch(new FundMilestoneCommand(EscrowAccountId.forContract(contractId),
                "milestone-1", unique("fund")), ALICE);

        assertThat(failed.exceptionResult()).as("what the bus answers with")
                .isInstanceOf(CommandExecutionException.class).hasCauseInstanceOf(AggregateNotFoundException.class);
        Throwable arrived = acrossAxonServer(failed);
        assertThat(arrived).isInstanceOf(CommandExecutionException.class)
                .hasMessage("Contract " + contractId + " has no escrow account: "
                        + "milestones are funded and changed once a fixed-price contract is accepted.");
        assertThat(Rejections.of(arrived)).contains(LedgerError.notFound("contractId", "escrow.not-found", arrived.getMessage()));
    }

    @Test
    void anEscrowCommandForAContractThatDoesNotExistArrivesAsNotFound() throws Exception {
        String contractId = unique("nowhere");

        Throwable arrived = acrossAxonServer(dispatch(new FundMilestoneCommand(EscrowAccountId.forContract(contractId),
                "milestone-1", unique("fund")), ALICE));

        assertThat(Rejections.of(arrived)).get()
                .extracting(LedgerError::category, LedgerError::field, LedgerError::rule)
                .containsExactly(ErrorCategory.NOT_FOUND, "contractId", "escrow.not-found");
    }

    /** Another client's offer under an existing contract id is a clash of ids, refused by the contract itself. */
    @Test
    void anOfferUnderAnotherClientsContractIdArrivesAsConflictContractUnique() throws Exception {
        String contractId = unique("offer");
        assertThat(dispatch(fixedPriceOffer(contractId, ALICE), ALICE).isExceptional()).isFalse();

        Throwable arrived = acrossAxonServer(dispatch(fixedPriceOffer(contractId, BOB), BOB));

        assertThat(Rejections.of(arrived)).get()
                .extracting(LedgerError::category, LedgerError::rule)
                .containsExactly(ErrorCategory.CONFLICT, "contract.unique");
    }

    /**
     * Retries of one offer racing each other create the contract once. A retry that finds it answers as the
     * first did; one that lost the race to create it (the event store refuses its first event while the unit
     * of work commits) arrives as CONFLICT contract.unique, which the API answers by sending it once more.
     */
    @Test
    void concurrentRetriesOfOneOfferCreateItOnce() throws Exception {
        String contractId = unique("retried");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<CommandResultMessage<?>>> retries = Stream.generate(
                () -> CompletableFuture.<CommandResultMessage<?>>supplyAsync(() -> {
                    try {
                        start.await();
                        return dispatch(fixedPriceOffer(contractId, ALICE), ALICE);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).limit(3).toList();
        start.countDown();

        List<CommandResultMessage<?>> results = retries.stream().map(CompletableFuture::join).toList();

        assertThat(results).filteredOn(result -> !result.isExceptional()).isNotEmpty()
                .allSatisfy(result -> assertThat(result.getPayload()).isEqualTo(contractId));
        for (CommandResultMessage<?> failed : results.stream().filter(CommandResultMessage::isExceptional).toList()) {
            assertThat(Rejections.of(acrossAxonServer(failed))).get()
                    .extracting(LedgerError::category, LedgerError::field, LedgerError::rule)
                    .containsExactly(ErrorCategory.CONFLICT, "contractId", "contract.unique");
        }
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, contractId))
                .as("events of the contract: its one offer").isEqualTo(1);
    }

    /** The rejections aggregates throw themselves keep crossing as they did. */
    @Test
    void aRuleTheAggregateEnforcesArrivesWithItsFieldAndRule() throws Exception {
        Throwable arrived = acrossAxonServer(dispatch(fixedPriceOffer(unique("not-hers")), CAROL));

        assertThat(Rejections.of(arrived)).get()
                .extracting(LedgerError::category, LedgerError::field, LedgerError::rule)
                .containsExactly(ErrorCategory.FORBIDDEN, "clientId", "offer.client-only");
    }

    private CommandResultMessage<?> dispatch(Object command, Actor actor) throws Exception {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData());
        CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
        commandBus.dispatch(message, (sent, answer) -> result.complete(answer));
        return result.get(30, TimeUnit.SECONDS);
    }

    /**
     * The failure as the query side receives it from Axon Server: the command side's reply in Axon
     * Server's protobuf format, as bytes, read back and deserialized on the other side.
     */
    private Throwable acrossAxonServer(CommandResultMessage<?> result) throws Exception {
        assertThat(result.isExceptional()).as("the command failed").isTrue();
        CommandResponse sent = new CommandSerializer(commandSideSerializer, new AxonServerConfiguration())
                .serialize(result, "request-1");
        CommandResponse received = CommandResponse.parseFrom(sent.toByteArray());
        CommandResultMessage<?> arrived = new CommandSerializer(querySideSerializer(), new AxonServerConfiguration())
                .deserialize(received);
        assertThat(arrived.isExceptional()).isTrue();
        return arrived.exceptionResult();
    }

    /** As Axon's auto-configuration builds the query side's message serializer from {@code axon.serializer.messages=jackson3}. */
    private static Serializer querySideSerializer() {
        return Jackson3Serializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(CommandFailuresAcrossAxonServerTest.class.getClassLoader()))
                .jsonMapperBuilderCustomizer(new LedgerSerializerCustomizer())
                .build();
    }

    private static OfferFixedPriceContractCommand fixedPriceOffer(String contractId) {
        return fixedPriceOffer(contractId, ALICE);
    }

    private static OfferFixedPriceContractCommand fixedPriceOffer(String contractId, Actor client) {
        return new OfferFixedPriceContractCommand(contractId, client.userId(), CAROL.userId(), "Landing page", "USD",
                List.of(new MilestoneTerms(contractId + "-m1", "Design", Money.of("100.00", "USD"), LocalDate.of(2030, 1, 31))));
    }

    private static OfferHourlyContractCommand hourlyOffer(String contractId) {
        return new OfferHourlyContractCommand(contractId, ALICE.userId(), CAROL.userId(), "Support",
                new HourlyTerms(Money.of("40.00", "USD"), 20, false));
    }
}
