package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL request's body is capped ({@code ledger.graphql.max-request-bytes}, 1 MiB): before the cap,
 * three concurrent 150 MB bodies filled the 512 MB heap and were answered 500. Raw sockets, so the test
 * controls how much of a body is sent and whether its length is declared.
 */
class RequestBodyLimitTest extends StandaloneTestBase {

    private static final int CAP = 1 << 20;
    private static final long HUGE = 150_000_000L;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("content-length: *(\\d+)");

    /** Declared too large: refused at once, classified, with only the first few bytes of the body ever sent. */
    @Test
    void bodiesDeclaringMoreThanTheCapAreRefusedBeforeTheyAreRead() throws Exception {
        long eventsBefore = storedEventCount();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<RawAnswer>> answers = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                answers.add(clients.submit(() -> postDeclaring(HUGE, "{\"query\":\"{ me { id } }\",\"variables\":{\"x\":\"aaaa")));
            }
            for (Future<RawAnswer> future : answers) {
                RawAnswer answer = future.get();
                assertThat(answer.status()).isEqualTo(413);
                JsonNode error = JsonMapper.builder().build().readTree(answer.body()).path("errors").get(0);
                assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
                assertThat(error.path("extensions").path("rule").asString()).isEqualTo("query.size");
                assertThat(error.path("message").asString()).contains("150000000 bytes").contains("at most " + CAP);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(api.call(DemoUser.ALICE, "{ me { id } }", Map.of()).data().path("me").path("id").asString())
                .isEqualTo("alice");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    /** A body without a declared length (chunked) is read only up to the cap, then refused as unreadable. */
    @Test
    void aChunkedBodyPastTheCapIsRefusedAsUnreadable() throws Exception {
        RawAnswer answer = postChunked(2 * CAP);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("java.");
        assertThat(JsonMapper.builder().build().readTree(answer.body()).path("errors").get(0).path("extensions").path("rule").asString())
                .isEqualTo("request.unreadable");
        assertThat(api.call(DemoUser.ALICE, "{ me { id } }", Map.of()).data().path("me").path("id").asString())
                .isEqualTo("alice");
    }

    /** Just under the cap is an ordinary request, whether its length is declared or not. */
    @Test
    void bodiesUnderTheCapAreAnswered() throws Exception {
        String padding = "a".repeat(CAP - 200);
        String body = "{\"query\":\"{ me { id } }\",\"variables\":{\"padding\":\"" + padding + "\"}}";

        RawAnswer declared = post(body.getBytes(StandardCharsets.UTF_8), false);
        RawAnswer chunked = post(body.getBytes(StandardCharsets.UTF_8), true);

        assertThat(declared.status()).isEqualTo(200);
        assertThat(declared.body()).contains("\"id\":\"alice\"");
        assertThat(chunked.status()).isEqualTo(200);
        assertThat(chunked.body()).contains("\"id\":\"alice\"");
    }

    private record RawAnswer(int status, String body) {
    }

    private RawAnswer postDeclaring(long contentLength, String start) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(headers("Content-Length: " + contentLength).getBytes(StandardCharsets.US_ASCII));
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private RawAnswer postChunked(int bodyBytes) throws IOException {
        byte[] body = new byte[bodyBytes];
        Arrays.fill(body, (byte) 'a');
        byte[] start = "{\"query\":\"{ me { id } }\",\"variables\":{\"x\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        return post(body, true);
    }

    private RawAnswer post(byte[] body, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(headers(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length)
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                if (chunked) {
                    for (int offset = 0; offset < body.length; offset += 8192) {
                        int length = Math.min(8192, body.length - offset);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, offset, length);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(body);
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                // The server may answer and close before the whole body is sent; its answer is still there to read.
            }
            return read(socket.getInputStream());
        }
    }

    private static String headers(String lengthHeader) {
        String credentials = Base64.getEncoder().encodeToString("alice:alice-pass".getBytes(StandardCharsets.UTF_8));
        return "POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                + "\r\nContent-Type: application/json\r\nConnection: close\r\n" + lengthHeader + "\r\n\r\n";
    }

    /**
     * Status and body of one response, read as far as it goes: Tomcat keeps a refused upload's connection
     * open for a while after answering, so reading to the end of the stream would wait for that.
     */
    private static RawAnswer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("Connection closed before a whole response: " + received);
            }
            received.write(buffer, 0, n);
            String response = received.toString(StandardCharsets.UTF_8);
            int bodyStart = response.indexOf("\r\n\r\n") + 4;
            if (bodyStart < 4) {
                continue;
            }
            String head = response.substring(0, bodyStart).toLowerCase(Locale.ROOT);
            String body = response.substring(bodyStart);
            int status = Integer.parseInt(response.substring(9, 12));
            Matcher length = CONTENT_LENGTH.matcher(head);
            if (length.find() && body.getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length.group(1))) {
                return new RawAnswer(status, body);
            }
            if (head.contains("transfer-encoding: chunked") && body.endsWith("0\r\n\r\n")) {
                return new RawAnswer(status, unchunk(body));
            }
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
