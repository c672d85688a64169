package io.freelance.ledger.standalone.tracker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A demo user's sign-in, written {@code user:password} on the command line, sent as HTTP Basic. */
record Credentials(String user, String password) {

    static Credentials parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("Expected user:password, e.g. carol:carol-pass");
        }
        return new Credentials(text.substring(0, colon), text.substring(colon + 1));
    }

    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Never prints the password (picocli echoes option values in some messages). */
    @Override
    public String toString() {
        return user + ":***";
    }
}
