package io.freelance.ledger.query.messaging.search;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a message as the room search knows them: runs of letters and digits (in any script), lower
 * case. What a person typing a word into a search box expects to find, whatever case or punctuation the
 * message used ("INVOICE," finds "invoice").
 */
public final class StoryWords {

    /** Longer runs (a pasted hash or link) are not words anyone types into a search box. */
    static final int LONGEST_WORD = 64;
    /** A search looks for at most this many words: enough for a phrase, and the work stays bounded. */
    public static final int MOST_SEARCHED_WORDS = 10;

    private StoryWords() {
    }

    /** The distinct words of the text, in the order they first appear; none for null (a removed message). */
    public static Set<String> of(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<String> words = new LinkedHashSet<>();
        String lowerCase = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lowerCase.length(); ) {
            int codePoint = i < lowerCase.length() ? lowerCase.codePointAt(i) : ' ';
            boolean inWord = i < lowerCase.length() && Character.isLetterOrDigit(codePoint);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (i - start <= LONGEST_WORD) {
                    words.add(lowerCase.substring(start, i));
                }
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        return Collections.unmodifiableSet(words);
    }

    /** The words a search looks for: the first {@link #MOST_SEARCHED_WORDS} of what was typed. */
    public static Set<String> searchedIn(String text) {
        return of(text).stream().limit(MOST_SEARCHED_WORDS)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }
}
