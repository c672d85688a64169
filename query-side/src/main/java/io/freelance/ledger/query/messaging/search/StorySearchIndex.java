package io.freelance.ledger.query.messaging.search;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The text index of the room search: for each room, word and block of 1,024 message sequences, the sequences
 * of the messages that hold the word ({@code room_story_words}, by {@code _id}). Kept by the room projection in
 * the unit of work that changes the message, so a message a mutation has answered for is searchable at once.
 * <p>
 * Why a collection of its own and not a MongoDB text index: the embedded read store implements no text
 * index (it would scan every room's messages), and this one answers the same way on both stores. Blocks keep
 * every document small however busy a room is, and let a search read the newest messages first and stop as
 * soon as a page is full.
 */
@Component
public class StorySearchIndex {

    static final String WORDS = "room_story_words";
    static final int BLOCK = 1_024;
    private static final String SEQUENCES = "sequences";

    private final MongoCollection<Document> words;

    public StorySearchIndex(MongoDatabase readModelDatabase) {
        this.words = readModelDatabase.getCollection(WORDS);
    }

    /**
     * A message's text changed: {@code before} null when it was just posted, {@code after} null when it was
     * removed. Adding and removing a sequence are set operations, so applying a change again leaves the index as
     * it was: the projection may repeat an event after a crash.
     */
    public void storyChanged(String roomId, long sequence, String before, String after) {
        Set<String> wordsBefore = StoryWords.of(before);
        Set<String> wordsAfter = StoryWords.of(after);
        long block = sequence / BLOCK;
        List<WriteModel<Document>> changes = new ArrayList<>();
        for (String word : wordsBefore) {
            if (!wordsAfter.contains(word)) {
                changes.add(new UpdateOneModel<>(eq("_id", blockId(roomId, word, block)), Updates.pull(SEQUENCES, sequence)));
            }
        }
        for (String word : wordsAfter) {
            if (!wordsBefore.contains(word)) {
                changes.add(new UpdateOneModel<>(eq("_id", blockId(roomId, word, block)),
                        Updates.addToSet(SEQUENCES, sequence), new UpdateOptions().upsert(true)));
            }
        }
        if (!changes.isEmpty()) {
            words.bulkWrite(changes);
        }
    }

    /**
     * Up to {@code limit} sequences of messages holding every one of the words, newest first, from
     * {@code fromSequence} down. No words, no messages.
     */
    public List<Long> newestHoldingAll(String roomId, Set<String> searched, long fromSequence, int limit) {
        List<Long> found = new ArrayList<>();
        if (searched.isEmpty()) {
            return found;
        }
        for (long block = fromSequence / BLOCK; block >= 0 && found.size() < limit; block--) {
            for (long sequence : holdingAllInBlock(roomId, searched, block).descendingSet()) {
                if (sequence <= fromSequence && found.size() < limit) {
                    found.add(sequence);
                }
            }
        }
        return found;
    }

    public void deleteAll() {
        words.deleteMany(new Document());
    }

    private TreeSet<Long> holdingAllInBlock(String roomId, Set<String> searched, long block) {
        List<String> ids = searched.stream().map(word -> blockId(roomId, word, block)).toList();
        List<Set<Long>> postings = new ArrayList<>();
        words.find(in("_id", ids)).forEach(document -> postings.add(new HashSet<>(document.getList(SEQUENCES, Long.class))));
        TreeSet<Long> holdingAll = new TreeSet<>();
        if (postings.size() < searched.size()) {
            return holdingAll;
        }
        holdingAll.addAll(postings.get(0));
        postings.forEach(holdingAll::retainAll);
        return holdingAll;
    }

    private static String blockId(String roomId, String word, long block) {
        return roomId + " " + word + " " + block;
    }
}
