package io.freelance.ledger.query.messaging.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The room search's text index through the real driver: words in, sequences out, newest first. */
class StorySearchIndexTest {

    private static final String ROOM = "group-room-1";

    private static InMemoryMongo mongo;
    private StorySearchIndex index;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyIndex() {
        index = new StorySearchIndex(mongo.database("search-" + System.nanoTime()));
    }

    @Test
    void aSearchFindsTheMessagesHoldingEveryWordNewestFirst() {
        index.storyChanged(ROOM, 1, null, "Please send the invoice for March.");
        index.storyChanged(ROOM, 2, null, "Sure, tomorrow.");
        index.storyChanged(ROOM, 3, null, "The invoice for April is sent.");
        index.storyChanged(ROOM, 4, null, "March invoice, again");

        assertThat(index.newestHoldingAll(ROOM, Set.of("invoice"), 4, 10)).containsExactly(4L, 3L, 1L);
        assertThat(index.newestHoldingAll(ROOM, Set.of("invoice", "march"), 4, 10)).containsExactly(4L, 1L);
        assertThat(index.newestHoldingAll(ROOM, Set.of("invoice", "june"), 4, 10)).isEmpty();
        assertThat(index.newestHoldingAll(ROOM, Set.of(), 4, 10)).isEmpty();
        assertThat(index.newestHoldingAll("another-room", Set.of("invoice"), 4, 10)).isEmpty();
    }

    @Test
    void pagesStartBelowTheLastSequenceShownAndStopAtTheLimit() {
        for (long sequence = 1; sequence <= 10; sequence++) {
            index.storyChanged(ROOM, sequence, null, "status update " + sequence);
        }

        assertThat(index.newestHoldingAll(ROOM, Set.of("status"), 10, 3)).containsExactly(10L, 9L, 8L);
        assertThat(index.newestHoldingAll(ROOM, Set.of("status"), 7, 3)).containsExactly(7L, 6L, 5L);
    }

    @Test
    void aSearchReadsAcrossBlocksOfSequencesNewestBlockFirst() {
        long[] sequences = {3, StorySearchIndex.BLOCK - 1, StorySearchIndex.BLOCK, 2L * StorySearchIndex.BLOCK + 5};
        for (long sequence : sequences) {
            index.storyChanged(ROOM, sequence, null, "milestone approved");
        }
        index.storyChanged(ROOM, StorySearchIndex.BLOCK + 1, null, "milestone pending");

        assertThat(index.newestHoldingAll(ROOM, Set.of("milestone", "approved"), 3L * StorySearchIndex.BLOCK, 10))
                .containsExactly(2L * StorySearchIndex.BLOCK + 5, (long) StorySearchIndex.BLOCK, StorySearchIndex.BLOCK - 1L, 3L);
        assertThat(index.newestHoldingAll(ROOM, Set.of("milestone"), 3L * StorySearchIndex.BLOCK, 2))
                .containsExactly(2L * StorySearchIndex.BLOCK + 5, StorySearchIndex.BLOCK + 1L);
    }

    @Test
    void anEditFindsTheNewWordsOnlyAndARemovalNothing() {
        index.storyChanged(ROOM, 1, null, "Sketches attached");
        index.storyChanged(ROOM, 1, "Sketches attached", "Wireframes attached");

        assertThat(index.newestHoldingAll(ROOM, Set.of("sketches"), 1, 10)).isEmpty();
        assertThat(index.newestHoldingAll(ROOM, Set.of("wireframes", "attached"), 1, 10)).containsExactly(1L);

        index.storyChanged(ROOM, 1, "Wireframes attached", null);
        assertThat(index.newestHoldingAll(ROOM, Set.of("attached"), 1, 10)).isEmpty();
    }

    @Test
    void aChangeAppliedTwiceLeavesTheIndexAsOnce() {
        index.storyChanged(ROOM, 1, null, "logo draft");
        index.storyChanged(ROOM, 1, null, "logo draft");
        index.storyChanged(ROOM, 1, "logo draft", "logo final");
        index.storyChanged(ROOM, 1, "logo draft", "logo final");

        assertThat(index.newestHoldingAll(ROOM, Set.of("logo"), 1, 10)).containsExactly(1L);
        assertThat(index.newestHoldingAll(ROOM, Set.of("draft"), 1, 10)).isEmpty();
        assertThat(index.newestHoldingAll(ROOM, Set.of("final"), 1, 10)).containsExactly(1L);
    }
}
