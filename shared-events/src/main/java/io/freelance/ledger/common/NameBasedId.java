package io.freelance.ledger.common;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An id derived from what it names (a name-based UUID of the parts), so a retry or a replay that
 * names the same thing gets the same id and can be recognised as a repeat.
 */
public final class NameBasedId {

    private NameBasedId() {
    }

    public static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
