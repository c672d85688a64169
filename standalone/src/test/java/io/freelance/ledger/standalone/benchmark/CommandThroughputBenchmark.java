package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import io.freelance.ledger.escrow.AddMilestoneCommand;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import io.freelance.ledger.standalone.StandaloneApplication;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints command throughput on the embedded stores, with and without the aggregate cache, in one
 * run so the two figures are comparable, plus how fast the projections catch up. Not part of the
 * test suite (tag {@code benchmark}); run it as the README says.
 */
@Tag("benchmark")
class CommandThroughputBenchmark {

    private static final Actor ALICE = new Actor("alice", Role.CLIENT);
    private static final Actor CAROL = new Actor("carol", Role.FREELANCER);
    private static final int WARM_UP_CONTRACTS = 200;
    private static final int DISTINCT_CONTRACTS = 300;
    private static final int MILESTONES_ON_ONE_CONTRACT = 99;

    @Test
    void commandsPerSecondWithAndWithoutTheAggregateCache() {
        List<String> lines = new ArrayList<>();
        for (boolean cacheEnabled : new boolean[] {false, true}) {
            try (ConfigurableApplicationContext context = start(cacheEnabled)) {
                CommandGateway commands = context.getBean(CommandGateway.class);
                MongoDatabase readModels = context.getBean(MongoDatabase.class);

                // Warm-up, not measured: class loading and the JIT would otherwise favour whichever run is second.
                for (int index = 0; index < WARM_UP_CONTRACTS; index++) {
                    String contractId = UUID.randomUUID().toString();
                    send(commands, ALICE, offer(contractId));
                    send(commands, CAROL, new AcceptContractCommand(contractId));
                }

                long started = System.nanoTime();
                for (int index = 0; index < DISTINCT_CONTRACTS; index++) {
                    String contractId = UUID.randomUUID().toString();
                    send(commands, ALICE, offer(contractId));
                    send(commands, CAROL, new AcceptContractCommand(contractId));
                }
                double distinctRate = rate(DISTINCT_CONTRACTS * 2, started);

                String contractId = UUID.randomUUID().toString();
                send(commands, ALICE, offer(contractId));
                send(commands, CAROL, new AcceptContractCommand(contractId));
                String escrow = EscrowAccountId.forContract(contractId);
                started = System.nanoTime();
                for (int index = 0; index < MILESTONES_ON_ONE_CONTRACT; index++) {
                    String milestoneId = "m" + index;
                    send(commands, ALICE, new AddMilestoneCommand(escrow, terms(milestoneId)));
                    send(commands, ALICE, new FundMilestoneCommand(escrow, milestoneId, "fund-" + index));
                    send(commands, CAROL, new SubmitMilestoneCommand(escrow, milestoneId, "done"));
                    send(commands, ALICE, new ApproveMilestoneCommand(escrow, milestoneId, null, null, null, "approve-" + index));
                }
                double oneAggregateRate = rate(MILESTONES_ON_ONE_CONTRACT * 4, started);

                started = System.nanoTime();
                long expectedContracts = WARM_UP_CONTRACTS + DISTINCT_CONTRACTS + 1L;
                long giveUpAt = started + 120_000_000_000L;
                while (readModels.getCollection("contracts").countDocuments(new Document("status", "ACTIVE")) < expectedContracts) {
                    assertThat(System.nanoTime()).as("projection caught up within 2 minutes").isLessThan(giveUpAt);
                    sleepBriefly();
                }
                double catchUpSeconds = (System.nanoTime() - started) / 1e9;
                assertThat(readModels.getCollection("contracts").countDocuments()).isGreaterThanOrEqualTo(expectedContracts);

                lines.add(String.format(Locale.ROOT,
                        "aggregate cache %-3s | distinct contracts: %7.0f commands/s | one escrow, %d commands: %7.0f commands/s | projection caught up %.1f s after the last command",
                        cacheEnabled ? "on" : "off", distinctRate, MILESTONES_ON_ONE_CONTRACT * 4, oneAggregateRate, catchUpSeconds));
            }
        }
        System.out.println();
        System.out.println("== Command throughput, embedded stores, one thread (" + Runtime.getRuntime().availableProcessors() + " cores)");
        lines.forEach(System.out::println);
        System.out.println();
        assertThat(lines).hasSize(2);
    }

    private static ConfigurableApplicationContext start(boolean cacheEnabled) {
        Path dataDirectory = Path.of("target", "benchmark-data", UUID.randomUUID().toString()).toAbsolutePath();
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory,
                "--server.port=0",
                "--ledger.aggregate-cache.enabled=" + cacheEnabled,
                "--logging.level.root=WARN");
    }

    private static OfferFixedPriceContractCommand offer(String contractId) {
        return new OfferFixedPriceContractCommand(contractId, ALICE.userId(), CAROL.userId(), "Benchmark", "USD",
                List.of(terms("first")));
    }

    private static MilestoneTerms terms(String milestoneId) {
        return new MilestoneTerms(milestoneId, "Work " + milestoneId, Money.of("100.00", "USD"), LocalDate.of(2027, 1, 1));
    }

    private static void send(CommandGateway commands, Actor actor, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()));
    }

    private static double rate(int count, long startedNanos) {
        return count / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
