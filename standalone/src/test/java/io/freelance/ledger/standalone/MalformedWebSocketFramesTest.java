package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Frames that are not graphql-ws messages, as a broken or hostile client sends them, over a real WebSocket:
 * each closes the connection with the protocol's 4400 Invalid message, the client's mistake, never 1011 (a
 * server error), and the service goes on serving the next connection.
 */
class MalformedWebSocketFramesTest extends StandaloneTestBase {

    private static final int INVALID_MESSAGE = 4400;

    @Test
    void textThatIsNotJsonClosesWithInvalidMessage() {
        assertClosedAsInvalid(client -> client.sendRawText("not json at all"));
    }

    @Test
    void anInitWhosePayloadIsNotAnObjectClosesWithInvalidMessage() {
        assertClosedAsInvalid(client -> client.sendRawText("{\"type\":\"connection_init\",\"payload\":\"x\"}"));
    }

    @Test
    void aBinaryFrameClosesWithInvalidMessageEvenAfterSigningIn() {
        assertClosedAsInvalid(client -> client.signIn(ALICE).sendBinary("binary".getBytes(StandardCharsets.UTF_8)));
    }

    private void assertClosedAsInvalid(java.util.function.Consumer<GraphQlWsClient> send) {
        try (GraphQlWsClient client = GraphQlWsClient.open(port)) {
            send.accept(client);
            GraphQlWsClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).as("close code, reason '%s'", closed.reason()).isEqualTo(INVALID_MESSAGE);
            assertThat(closed.reason()).isEqualTo("Invalid message");
        }
        try (GraphQlWsClient next = GraphQlWsClient.open(port).signIn(ALICE)) {
            assertThat(next.isClosed()).as("the next connection is served").isFalse();
        }
    }
}
