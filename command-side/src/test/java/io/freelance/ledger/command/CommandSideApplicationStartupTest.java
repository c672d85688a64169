package io.freelance.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.command.escrow.EscrowCloser;
import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.command.escrow.EscrowAccountCloser;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link CommandSideApplication} with its own {@code command-side.yml}, started the way the
 * distributed mode starts it, with the settings docker compose gives as environment variables
 * passed as arguments instead. Only the outside services differ: an in-memory H2 database stands in
 * for PostgreSQL and Axon's embedded event store for Axon Server, so this runs without Docker.
 */
class CommandSideApplicationStartupTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static ConfigurableApplicationContext commandSide;

    @BeforeAll
    static void start() {
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:h2:mem:command-side-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--axon.axonserver.enabled=false");
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void readsCommandSideYmlAndNotApplicationYml() {
        assertThat(commandSide.getEnvironment().getProperty("spring.application.name")).isEqualTo("ledger-command-side");
        assertThat(commandSide.getEnvironment().getProperty("axon.serializer.events")).isEqualTo("jackson3");
        // Ending a contract closes its escrow account in the same unit of work, through the account's repository.
        assertThat(commandSide.getBean(org.axonframework.config.Configuration.class).repository(EscrowAccount.class))
                .isNotNull();
        assertThat(commandSide.getBean(EscrowCloser.class)).isInstanceOf(EscrowAccountCloser.class);
    }

    @Test
    void theHealthCheckDockerComposeCallsAnswersUp() throws Exception {
        String port = commandSide.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(TIMEOUT).GET().build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aCommandThroughTheGatewayCreatesAContractAndAcceptingItOpensItsEscrow() {
        String contractId = "startup-" + UUID.randomUUID();
        MilestoneTerms design = new MilestoneTerms(contractId + "-m1", "Design", Money.of("100.00", "USD"),
                LocalDate.of(2030, 1, 31));
        OfferFixedPriceContractCommand offer = new OfferFixedPriceContractCommand(contractId, "alice", "carol",
                "Landing page", "USD", List.of(design));

        Object created = send(offer, new Actor("alice", Role.CLIENT));
        send(new AcceptContractCommand(contractId), new Actor("carol", Role.FREELANCER));

        assertThat(created).isEqualTo(contractId);
        EventStore eventStore = commandSide.getBean(EventStore.class);
        assertThat(eventStore.readEvents(contractId).asStream().map(EventMessage::getPayload).toList())
                .hasExactlyElementsOfTypes(FixedPriceContractOfferedEvent.class, ContractAcceptedEvent.class)
                .first().extracting("clientId", "freelancerId").containsExactly("alice", "carol");
        assertThat(eventStore.readEvents(EscrowAccountId.forContract(contractId)).asStream()
                .map(EventMessage::getPayload).toList())
                .hasExactlyElementsOfTypes(EscrowAccountOpenedEvent.class);
    }

    private static Object send(Object command, Actor actor) {
        return commandSide.getBean(CommandGateway.class).sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()),
                TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
