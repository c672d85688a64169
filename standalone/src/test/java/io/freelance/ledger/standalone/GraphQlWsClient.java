package io.freelance.ledger.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL client over a real WebSocket speaking the graphql-ws protocol ({@code graphql-transport-ws}),
 * as a frontend's subscription client does: {@code connection_init} with a payload, {@code subscribe},
 * then {@code next} / {@code error} / {@code complete} messages. Written on the JDK's own WebSocket client so
 * a test can see every message and the close code the service answers with.
 */
final class GraphQlWsClient implements AutoCloseable {

    static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private GraphQlWsClient(URI endpoint, Map<String, String> upgradeHeaders) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(SUBPROTOCOL).connectTimeout(Duration.ofSeconds(5));
        upgradeHeaders.forEach(builder::header);
        this.socket = builder.buildAsync(endpoint, new Collector()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Opens the WebSocket; the upgrade carries no credentials, as a browser's cannot. */
    static GraphQlWsClient open(int port) {
        return new GraphQlWsClient(endpoint(port), Map.of());
    }

    /** Opens the WebSocket with HTTP Basic credentials on the upgrade request itself. */
    static GraphQlWsClient openSignedIn(int port, DemoUser user) {
        return openWithUpgradeCredentials(port, user.id(), user.password());
    }

    static GraphQlWsClient openWithUpgradeCredentials(int port, String user, String password) {
        return new GraphQlWsClient(endpoint(port), Map.of("Authorization", basic(user, password)));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code connection_init} with Basic credentials in its payload, then waits for {@code connection_ack}. */
    GraphQlWsClient signIn(DemoUser user) {
        init(Map.of("Authorization", basic(user.id(), user.password())));
        JsonNode ack = nextMessage();
        if (!"connection_ack".equals(ack.path("type").asString())) {
            throw new AssertionError("Expected connection_ack, got " + ack);
        }
        return this;
    }

    void init(Map<String, Object> payload) {
        send(Map.of("type", "connection_init", "payload", payload));
    }

    void subscribe(String id, String document, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document, "variables", variables)));
    }

    void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    /** The next message from the service, failing after 15 s without one. */
    JsonNode nextMessage() {
        try {
            JsonNode message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("No message within " + WAIT + (closed.isDone() ? "; closed with " + closed.join() : ""));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message of the subscription {@code id}, skipping keep-alive pings. */
    JsonNode nextMessageOf(String id) {
        while (true) {
            JsonNode message = nextMessage();
            if (id.equals(message.path("id").asString(null))) {
                return message;
            }
        }
    }

    /** The next message of the subscription {@code id} within {@code wait}, or null. */
    JsonNode nextMessageOfWithin(String id, Duration wait) {
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message != null && id.equals(message.path("id").asString(null))) {
                    return message;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Nothing for {@code quiet}: no message at all (pings aside) arrived. */
    boolean staysQuietFor(Duration quiet) {
        try {
            long deadline = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message != null && !"ping".equals(message.path("type").asString())) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The code the service closed the connection with, failing after 15 s of it staying open. */
    int awaitCloseCode() {
        return awaitClose().code();
    }

    /** The code and reason the service closed the connection with, failing after 15 s of it staying open. */
    Closed awaitClose() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the connection without a close frame, as a client that crashes or loses its network does. */
    void abort() {
        socket.abort();
    }

    /** A frame as a hostile or broken client sends it: any text, not necessarily a protocol message. */
    void sendRawText(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(new LinkedHashMap<>(message)), true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private static URI endpoint(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/graphql");
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> null).join();
            awaitCloseQuietly();
        }
        socket.abort();
    }

    private void awaitCloseQuietly() {
        try {
            closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // The service did not answer the close: abort() below ends the connection all the same.
        }
    }

    /** How the service closed the connection: the close frame's code and reason. */
    record Closed(int code, String reason) {
    }

    /** Gathers text frames into messages (a message may come in parts) and answers pings as the protocol asks. */
    private final class Collector implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if ("ping".equals(message.path("type").asString())) {
                    webSocket.sendText("{\"type\":\"pong\"}", true);
                }
                messages.add(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
