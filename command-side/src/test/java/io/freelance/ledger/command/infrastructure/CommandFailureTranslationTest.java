package io.freelance.ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import io.freelance.ledger.failure.CommandFailures;
import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.common.RuleViolation;
import io.grpc.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * Axon's failures become rejections with field and rule, including the forms only Axon Server
 * produces, and they survive Axon Server's wire format. The Axon Server forms cannot be provoked
 * without an Axon Server; they are built here as its connector hands them over.
 */
class CommandFailureTranslationTest {

    private static final String TAKEN_FIRST_SEQUENCE = "[AXONIQ-2000] Invalid sequence number 0 for aggregate c-1, expected 1";
    private static final String TAKEN_LATER_SEQUENCE = "[AXONIQ-2000] Invalid sequence number 4 for aggregate c-1, expected 5";

    @Test
    void aMissingAggregateIsNotFoundNamingTheContract() {
        assertThat(CommandFailureTranslation.translate(new AggregateNotFoundException("escrow-c-1", "not found")))
                .get().extracting(LedgerError::category, LedgerError::field, LedgerError::rule)
                .containsExactly(ErrorCategory.NOT_FOUND, "contractId", "escrow.not-found");
        assertThat(CommandFailureTranslation.translate(new AggregateNotFoundException("c-1", "not found")))
                .contains(CommandFailures.aggregateNotFound("c-1"))
                .get().extracting(LedgerError::rule).isEqualTo("contract.not-found");
    }

    @Test
    void anIdAlreadyTakenIsAConflictFromEitherEventStore() {
        assertThat(CommandFailureTranslation.translate(new AggregateStreamCreationException("taken")))
                .contains(CommandFailures.aggregateAlreadyExists());
        // What Axon Server's connector throws while the unit of work commits, wrapped or not.
        assertThat(CommandFailureTranslation.translate(Status.OUT_OF_RANGE.withDescription(TAKEN_FIRST_SEQUENCE).asRuntimeException()))
                .contains(CommandFailures.aggregateAlreadyExists());
        assertThat(CommandFailureTranslation.translate(new EventStoreException("append failed",
                new AxonServerException(io.axoniq.axonserver.connector.ErrorCategory.INVALID_EVENT_SEQUENCE, TAKEN_FIRST_SEQUENCE.substring(14), "axonserver"))))
                .contains(CommandFailures.aggregateAlreadyExists());
    }

    @Test
    void aLaterSequenceTakenIsAConcurrentChange() {
        assertThat(CommandFailureTranslation.translate(new ConcurrencyException("seq 4 taken")))
                .contains(CommandFailures.concurrentChange());
        assertThat(CommandFailureTranslation.translate(Status.OUT_OF_RANGE.withDescription(TAKEN_LATER_SEQUENCE).asRuntimeException()))
                .contains(CommandFailures.concurrentChange());
    }

    @Test
    void noLockInTimeIsARetriableConflict() {
        assertThat(CommandFailureTranslation.translate(new LockAcquisitionFailedException("timeout")))
                .get().extracting(LedgerError::category, LedgerError::rule)
                .containsExactly(ErrorCategory.CONFLICT, "service.busy");
    }

    @Test
    void otherFailuresAreNotRejections() {
        assertThat(CommandFailureTranslation.translate(new IllegalStateException("bug"))).isEmpty();
        assertThat(CommandFailureTranslation.translate(Status.UNAVAILABLE.withDescription("[AXONIQ-2100] no leader").asRuntimeException()))
                .isEmpty();
    }

    @Test
    void aResultThatAlreadyCarriesDetailsOrSucceededIsLeftAsItIs() {
        CommandResultMessage<Object> rejected = GenericCommandResultMessage.asCommandResultMessage(
                new CommandExecutionException("no", RuleViolation.conflict("f", "r", "no"), LedgerError.conflict("f", "r", "no")));
        CommandResultMessage<Object> succeeded = GenericCommandResultMessage.asCommandResultMessage(3L);
        CommandResultMessage<Object> crashed = GenericCommandResultMessage.asCommandResultMessage(new IllegalStateException("bug"));

        assertThat(FailureTranslatingCommandBus.translated(rejected)).isSameAs(rejected);
        assertThat(FailureTranslatingCommandBus.translated(succeeded)).isSameAs(succeeded);
        assertThat(FailureTranslatingCommandBus.translated(crashed)).isSameAs(crashed);
    }

    /**
     * Axon Server refuses the append when the unit of work commits, after the handler returned: the
     * bus still answers with the rejection, and the query side reads it from Axon Server's reply.
     */
    @Test
    void anAppendAxonServerRefusesAtCommitReachesTheCallerAsARejection() throws Exception {
        SimpleCommandBus bus = new FailureTranslatingCommandBus(SimpleCommandBus.builder());
        bus.subscribe("offer", command -> {
            CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                throw Status.OUT_OF_RANGE.withDescription(TAKEN_FIRST_SEQUENCE).asRuntimeException();
            });
            return "c-1";
        });
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();

        bus.dispatch(new GenericCommandMessage<>(GenericCommandMessage.asCommandMessage("payload"), "offer"),
                (command, result) -> answer.complete(result));

        CommandResultMessage<?> result = answer.get(10, TimeUnit.SECONDS);
        CommandResponse reply = CommandResponse.parseFrom(new CommandSerializer(serializer(), new AxonServerConfiguration())
                .serialize(result, "request-1").toByteArray());
        CommandResultMessage<?> arrived = new CommandSerializer(serializer(), new AxonServerConfiguration()).deserialize(reply);
        assertThat(arrived.exceptionResult()).isInstanceOfSatisfying(CommandExecutionException.class, failure -> {
            assertThat(failure.getMessage()).isEqualTo("A contract with this id already exists.");
            assertThat(failure.getDetails()).contains(CommandFailures.aggregateAlreadyExists());
        });
    }

    /** As Axon builds the message serializer for {@code axon.serializer.messages=jackson3} on either side. */
    private static Serializer serializer() {
        return Jackson3Serializer.builder().jsonMapperBuilderCustomizer(new LedgerSerializerCustomizer()).build();
    }
}
