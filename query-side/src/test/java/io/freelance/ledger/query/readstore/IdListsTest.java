package io.freelance.ledger.query.readstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdListsTest {

    private static InMemoryMongo mongo;
    private static IdLists lists;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        lists = new IdLists(mongo.database("id-lists-test").getCollection("lists"));
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void empty() {
        lists.deleteAll();
    }

    @Test
    void pagesNewestFirstAcrossBucketsWithoutGapsOrRepeats() {
        int count = IdLists.BUCKET_SIZE * 2 + 17;
        for (int i = 0; i < count; i++) {
            lists.append("alice", "c-" + i);
        }

        List<String> read = new ArrayList<>();
        Long before = null;
        while (true) {
            List<IdLists.Entry> page = lists.newestFirst("alice", before, 45);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(entry -> read.add(entry.id()));
            before = page.get(page.size() - 1).position();
        }

        List<String> expected = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            expected.add("c-" + i);
        }
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void appendingAnIdAgainListsItOnce() {
        lists.append("currency:USD", "escrow:c-1|USD");
        lists.append("currency:USD", "escrow:c-1|USD");
        lists.append("currency:USD", "escrow:c-2|USD");

        assertThat(lists.all("currency:USD")).containsExactly("escrow:c-1|USD", "escrow:c-2|USD");
        assertThat(lists.newestFirst("currency:USD", null, 10)).extracting(IdLists.Entry::id)
                .containsExactly("escrow:c-2|USD", "escrow:c-1|USD");
    }

    @Test
    void listsAreKeptApartAndAnUnknownListIsEmpty() {
        lists.append("alice", "c-1");
        lists.append("bob", "c-2");

        assertThat(lists.all("alice")).containsExactly("c-1");
        assertThat(lists.all("carol")).isEmpty();
        assertThat(lists.newestFirst("carol", null, 10)).isEmpty();
    }

    /** A crash after an id's bucket write but before its head count: the id is not listed twice. */
    @Test
    void aRepeatedAppendAfterALostCountDoesNotDuplicate() {
        lists.append("alice", "c-1");
        mongo.database("id-lists-test").getCollection("lists")
                .updateOne(new Document("_id", "alice"), new Document("$inc", new Document("count", -1L)));

        lists.append("alice", "c-1");
        lists.append("alice", "c-2");

        assertThat(lists.all("alice")).containsExactly("c-1", "c-2");
    }
}
