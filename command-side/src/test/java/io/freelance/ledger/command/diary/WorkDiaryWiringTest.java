package io.freelance.ledger.command.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.command.CommandSideApplication;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.OfferHourlyContractCommand;
import io.freelance.ledger.contract.PauseContractCommand;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.RecordTrackedSegmentCommand;
import io.freelance.ledger.diary.TrackedSegmentRecordedEvent;
import io.freelance.ledger.diary.WorkDiaryId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Work Diary as the command-side application wires it: the policy from {@code ledger.work-diary.*},
 * the contract read through its cached repository inside the diary command's unit of work, rejections
 * that leave the bus with their field and rule.
 */
class WorkDiaryWiringTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Actor ALICE = new Actor("alice", Role.CLIENT);
    private static final Actor CAROL = new Actor("carol", Role.FREELANCER);

    private static ConfigurableApplicationContext commandSide;

    @BeforeAll
    static void start() {
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:h2:mem:diary-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--axon.axonserver.enabled=false",
                        "--ledger.work-diary.clock-skew-allowance=PT1M");
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void thePolicyIsConfigured() {
        assertThat(commandSide.getBean(WorkDiaryPolicy.class))
                .isEqualTo(new WorkDiaryPolicy(Duration.ofMinutes(1), 1));
        assertThat(commandSide.getBean(ContractLookup.class)).isInstanceOf(ContractRepositoryLookup.class);
    }

    @Test
    void theFreelancerRecordsTimeUntilTheContractIsPaused() {
        String contractId = "diary-wiring-" + UUID.randomUUID();
        send(new OfferHourlyContractCommand(contractId, "alice", "carol", "Support",
                new HourlyTerms(Money.of("40.00", "USD"), 20, false, true)), ALICE);
        send(new AcceptContractCommand(contractId), CAROL);
        Clock systemClock = GenericEventMessage.clock;
        try {
            // Twenty minutes on, the cell after the acceptance has ended and can be recorded.
            GenericEventMessage.clock = Clock.offset(systemClock, Duration.ofMinutes(20));
            Instant cell = lastEndedCell(GenericEventMessage.clock.instant());
            RecordTrackedSegmentCommand segment = new RecordTrackedSegmentCommand(contractId, cell,
                    Collections.nCopies(10, new MinuteActivity(20, 5)), "Triage", null, null, null);

            Object first = send(segment, CAROL);
            Object retry = send(segment, CAROL);
            send(new PauseContractCommand(contractId, "Hour dispute"), Actor.SYSTEM);

            assertThat(first).isEqualTo(0L);
            assertThat(retry).isEqualTo(0L);
            assertThat(commandSide.getBean(EventStore.class).readEvents(WorkDiaryId.forCell(contractId, cell)).asStream()
                    .map(EventMessage::getPayload).toList())
                    .hasExactlyElementsOfTypes(TrackedSegmentRecordedEvent.class);
            RecordTrackedSegmentCommand afterThePause = new RecordTrackedSegmentCommand(contractId,
                    cell.minus(DiaryInput.CELL_LENGTH), segment.minutes(), "Triage", null, null, null);
            assertThatThrownBy(() -> send(afterThePause, CAROL))
                    .isInstanceOfSatisfying(CommandExecutionException.class, rejected ->
                            assertThat(rejected.getDetails()).hasValueSatisfying(details ->
                                    assertThat(((LedgerError) details).rule()).isEqualTo("contract.state")));
        } finally {
            GenericEventMessage.clock = systemClock;
        }
    }

    private static Instant lastEndedCell(Instant now) {
        long cellSeconds = DiaryInput.CELL_LENGTH.toSeconds();
        return Instant.ofEpochSecond(now.getEpochSecond() / cellSeconds * cellSeconds).minus(DiaryInput.CELL_LENGTH);
    }

    private static Object send(Object command, Actor actor) {
        return commandSide.getBean(CommandGateway.class).sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()),
                TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
