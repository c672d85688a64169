package io.freelance.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Free text: what every title, description, note, message and reason may hold, on both sides. */
class TextInputTest {

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x08, 0x0B, 0x0C, 0x0D, 0x1B, 0x7F, 0x85, 0x9B})
    void controlCharactersAreRefused(int codePoint) {
        assertRefused("Milestone " + Character.toString(codePoint) + " one", "control-characters");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    void bidirectionalOverridesIsolatesAndMarksAreRefused(int codePoint) {
        assertRefused("invoice" + Character.toString(codePoint) + "fdp.exe", "control-characters");
    }

    @Test
    void idsHoldOnlyLettersDigitsAndAFewMarks() {
        assertThat(TextInput.id("contractId", " 9b40ebb6-5a00.c_1@x ", "A contract id")).isEqualTo("9b40ebb6-5a00.c_1@x");
        for (String unsafe : List.of("a:b", "a b", "-leading", "a/b", "a#1", "caf\u00e9")) {
            assertThatThrownBy(() -> TextInput.id("contractId", unsafe, "A contract id"))
                    .as(unsafe).isInstanceOf(RuleViolation.class).hasMessageContaining("letters, digits");
        }
        assertThat(TextInput.isSafeId("x".repeat(TextInput.ID_MAX_LENGTH + 1))).isFalse();
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        assertRefused("broken \uD800 text", "encoding");
    }

    @Test
    void theRefusalNamesTheCharacterAndWhereItIs() {
        assertThatThrownBy(() -> TextInput.required("title", "ab\u202Ecd", 200, "A contract title"))
                .hasMessageContaining("U+202E").hasMessageContaining("right-to-left override")
                .hasMessageContaining("position 3");
    }

    @Test
    void newLinesTabsEmojiAndOtherScriptsAreKept() {
        String text = "Design:\n\t- logo \uD83D\uDE80\n\t- \u0645\u0648\u0642\u0639 \u2014 \u65E5\u672C";
        assertThat(TextInput.required("note", text, 2_000, "A note")).isEqualTo(text);
    }

    @Test
    void optionalTextIsCheckedToo() {
        assertThatThrownBy(() -> TextInput.optional("reason", "late\u0000", 2_000, "The reason"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.error().rule()).isEqualTo("reason.control-characters"));
    }

    @Test
    void theRuleIsNamedAfterTheFieldsLastSegment() {
        assertThatThrownBy(() -> TextInput.required("milestones[2].description", "x\u001b", 500, "A description"))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.error().field()).isEqualTo("milestones[2].description");
                    assertThat(violation.error().rule()).isEqualTo("description.control-characters");
                });
    }

    private static void assertRefused(String text, String broken) {
        assertThatThrownBy(() -> TextInput.required("title", text, 200, "A contract title"))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.error().category()).isEqualTo(ErrorCategory.BAD_REQUEST);
                    assertThat(violation.error().field()).isEqualTo("title");
                    assertThat(violation.error().rule()).isEqualTo("title." + broken);
                });
    }
}
