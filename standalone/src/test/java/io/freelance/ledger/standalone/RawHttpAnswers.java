package io.freelance.ledger.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Answers read off a raw socket, for tests that send what an HTTP client library would refuse to send. */
final class RawHttpAnswers {

    private RawHttpAnswers() {
    }

    /** The status line, headers and whatever body arrives before the server closes or goes quiet. */
    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
                if (answer.toString(StandardCharsets.UTF_8).contains("\"message\"")) {
                    break; // the JSON error is in; the rest of it is a few bytes
                }
            }
        } catch (SocketTimeoutException | SocketException stopped) {
            // what arrived is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
