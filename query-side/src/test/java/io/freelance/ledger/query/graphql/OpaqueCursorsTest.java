package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollSubrange;

class OpaqueCursorsTest {

    private final CursorStrategy<ScrollPosition> cursors = new OpaqueCursors().pageCursors();

    @Test
    void aCursorLeadsBackToTheKeysItWasMadeFromWhateverTheNamesHold() {
        Map<String, Object> keys = Map.of("processingGroup", "contract-projection", "sequenceIdentifier", "escrow-c:1:\"2\"",
                "sequenceIndex", 42L);

        String cursor = cursors.toCursor(ScrollPosition.forward(keys));

        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("contract-projection");
        assertThat(cursors.fromCursor(cursor)).isEqualTo(ScrollPosition.forward(keys));
    }

    @Test
    void smallNumbersComeBackAsTheLongsTheyWere() {
        ScrollSubrange page = ScrollSubrange.create(cursors.fromCursor(cursors.toCursor(ScrollPosition.forward(Map.of("posting", 7L)))), 5, true);

        assertThat(Pages.after(page).map(keys -> Pages.number(keys, "posting"))).contains(7L);
    }

    @Test
    void anythingElseIsABadCursorOnAfter() {
        for (String cursor : List.of("not base64 !", encode("posting:12"), encode("[1,2]"), encode("{}"),
                encode("{\"posting\":{\"$gt\":1}}"), encode("{\"posting\":1.5}"), encode("{\"posting\":null}"), "A".repeat(2_000))) {
            assertInvalid(() -> cursors.fromCursor(cursor), cursor);
        }
    }

    @Test
    void aCursorOfAnotherListIsABadCursorToo() {
        Map<String, Object> contractKeys = Pages.after(ScrollSubrange.create(ScrollPosition.forward(Map.of("listPosition", 3L)), 5, true))
                .orElseThrow();

        assertInvalid(() -> Pages.number(contractKeys, "posting"), "a contract's cursor on a statement");
        assertInvalid(() -> Pages.text(contractKeys, "listPosition"), "a number where a name belongs");
    }

    @Test
    void aPageIsOneToOneHundredEntriesTwentyUnlessAsked() {
        assertThat(Pages.size(ScrollSubrange.create(null, null, true))).isEqualTo(Pages.DEFAULT_SIZE);
        assertThat(Pages.size(ScrollSubrange.create(null, 100, true))).isEqualTo(100);
        for (int size : new int[] {0, 101}) {
            assertThatThrownBy(() -> Pages.size(ScrollSubrange.create(null, size, true)))
                    .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                        assertThat(violation.error().field()).isEqualTo("first");
                        assertThat(violation.error().rule()).isEqualTo("page.size");
                    });
        }
    }

    private static void assertInvalid(Runnable read, String what) {
        assertThatThrownBy(read::run).as(what).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.error().field()).isEqualTo("after");
            assertThat(violation.error().rule()).isEqualTo("cursor.invalid");
        });
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
