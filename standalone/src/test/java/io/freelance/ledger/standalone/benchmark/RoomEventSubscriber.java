package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DemoUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One frontend's graphql-ws WebSocket with one {@code roomEvents(roomId)} subscription, lean enough for a hundred
 * of them on one HTTP client: each story it receives carries its send time (the test JVM's nanoTime) as its text,
 * and the subscriber hands the delivery latency to {@code onDelivery}. Errors and unexpected ends are counted.
 */
final class RoomEventSubscriber implements AutoCloseable {

    static final String DOCUMENT = "subscription($roomId: ID) { roomEvents(roomId: $roomId) { kind story { id text } } }";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    private final LongConsumer onDelivery;
    private final Runnable onError;
    private final WebSocket socket;

    RoomEventSubscriber(HttpClient http, int port, DemoUser user, String roomId, LongConsumer onDelivery,
                        Runnable onError) {
        this.onDelivery = onDelivery;
        this.onError = onError;
        this.socket = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), new Listener())
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        String credentials = user.id() + ":" + user.password();
        send(Map.of("type", "connection_init", "payload", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))));
        acknowledged.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        send(Map.of("id", "room", "type", "subscribe",
                "payload", Map.of("query", DOCUMENT, "variables", Map.of("roomId", roomId))));
    }

    /** Sent stories carry {@code sent:<nanoTime>} as their text. */
    static String textSentAt(long nanoTime) {
        return "sent:" + nanoTime;
    }

    private void received(JsonNode message) {
        switch (message.path("type").asString()) {
            case "connection_ack" -> acknowledged.complete(null);
            case "ping" -> socket.sendText("{\"type\":\"pong\"}", true);
            case "next" -> {
                long receivedAt = System.nanoTime();
                String text = message.path("payload").path("data").path("roomEvents").path("story").path("text").asString("");
                if (text.startsWith("sent:")) {
                    onDelivery.accept(receivedAt - Long.parseLong(text.substring("sent:".length())));
                } else if (!message.path("payload").path("errors").isMissingNode()) {
                    onError.run();
                }
            }
            case "error", "complete" -> onError.run();
            default -> { }
        }
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(new LinkedHashMap<>(message)), true)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                received(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            onError.run();
        }
    }
}
