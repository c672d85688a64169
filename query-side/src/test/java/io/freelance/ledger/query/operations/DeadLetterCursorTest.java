package io.freelance.ledger.query.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLetterCursorTest {

    @Test
    void aCursorLeadsBackToTheLetterItWasMadeFromWhateverItsNamesHold() {
        DeadLetterView letter = new DeadLetterView("contract-projection", "escrow-c:1:2", 42, "e-1", "MilestoneFundedEvent",
                "escrow-c:1:2", 3L, Instant.EPOCH, null, 0, null);

        assertThat(DeadLetterCursor.position(DeadLetterCursor.of(letter)))
                .isEqualTo(new DeadLetterCursor.Position("contract-projection", "escrow-c:1:2", 42));
        assertThat(DeadLetterCursor.position(null)).isNull();
    }

    @Test
    void anythingElseIsABadCursor() {
        for (String cursor : new String[] {"not base64 !", encode("posting:12"), encode("dead-letter:x:3:abcdef"),
                encode("dead-letter:1:99:abc"), encode("dead-letter:1"), "A".repeat(2_000)}) {
            assertThatThrownBy(() -> DeadLetterCursor.position(cursor)).as(cursor)
                    .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                        assertThat(violation.error().field()).isEqualTo("after");
                        assertThat(violation.error().rule()).isEqualTo("cursor.invalid");
                    });
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
