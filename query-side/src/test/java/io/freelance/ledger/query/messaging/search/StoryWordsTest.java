package io.freelance.ledger.query.messaging.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryWordsTest {

    @Test
    void wordsAreRunsOfLettersAndDigitsInLowerCaseEachOnce() {
        assertThat(StoryWords.of("Please send the INVOICE, for March; the invoice #42!"))
                .containsExactly("please", "send", "the", "invoice", "for", "march", "42");
    }

    @Test
    void lettersOfEveryScriptCountAndEmojiAndPunctuationDoNot() {
        assertThat(StoryWords.of("Grüße — Привет 你好 \uD83D\uDCB8 l'été"))
                .containsExactly("grüße", "привет", "你好", "l", "été");
    }

    @Test
    void aRemovedMessageHasNoWordsAndNeitherDoesPunctuation() {
        assertThat(StoryWords.of(null)).isEmpty();
        assertThat(StoryWords.of("!!! ... ---")).isEmpty();
    }

    @Test
    void runsLongerThanAnyoneTypesAreNotWords() {
        String hash = "a".repeat(StoryWords.LONGEST_WORD + 1);
        assertThat(StoryWords.of("commit " + hash + " merged")).containsExactly("commit", "merged");
        assertThat(StoryWords.of("a".repeat(StoryWords.LONGEST_WORD))).hasSize(1);
    }

    @Test
    void aSearchLooksForAtMostTenWords() {
        assertThat(StoryWords.searchedIn("one two three four five six seven eight nine ten eleven twelve"))
                .hasSize(StoryWords.MOST_SEARCHED_WORDS).doesNotContain("eleven", "twelve");
    }
}
