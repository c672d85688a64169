package io.freelance.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.command.infrastructure.FailureTranslatingCommandBus;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side as docker compose starts it, but before Axon Server answers: the Axon Server
 * image has no healthcheck (it has no shell), so compose starts the applications as soon as its
 * container runs. The application must come up anyway and keep trying to connect. Nothing listens
 * on the Axon Server address given here.
 */
class CommandSideBeforeAxonServerTest {

    private static ConfigurableApplicationContext commandSide;

    @BeforeAll
    static void start() throws IOException {
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--axon.axonserver.servers=127.0.0.1:" + portNobodyListensOn(),
                        "--spring.datasource.url=jdbc:h2:mem:before-axon-server-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=");
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void startsAndKeepsTryingToReachAxonServer() {
        assertThat(commandSide.isRunning()).isTrue();
        assertThat(commandSide.getBean(AxonServerConnectionManager.class).isConnected("default")).isFalse();
    }

    @Test
    void axonServerHandsCommandsToTheTranslatingBus() {
        assertThat(commandSide.getBean(CommandBus.class)).isInstanceOfSatisfying(AxonServerCommandBus.class,
                axonServer -> assertThat(axonServer.localSegment()).isInstanceOf(FailureTranslatingCommandBus.class));
    }

    @Test
    void theHealthCheckComposeCallsAnswers() throws Exception {
        String port = commandSide.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
