package io.freelance.ledger.query.dispute;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.readstore.IdLists;
import java.util.List;
import org.springframework.stereotype.Component;

/** Each party's disputes, as client or freelancer, in the order they opened: lists addressed by {@code _id}. */
@Component
public class DisputeLists {

    static final String COLLECTION = "dispute_lists";
    private static final String PARTY = "party:";

    private final IdLists lists;

    public DisputeLists(MongoDatabase readModelDatabase) {
        this.lists = new IdLists(readModelDatabase.getCollection(COLLECTION));
    }

    void opened(DisputeView dispute) {
        lists.append(PARTY + dispute.clientId(), dispute.id());
        if (!dispute.freelancerId().equals(dispute.clientId())) {
            lists.append(PARTY + dispute.freelancerId(), dispute.id());
        }
    }

    List<IdLists.Entry> newestOfParty(String userId, Long beforePosition, int limit) {
        return lists.newestFirst(PARTY + userId, beforePosition, limit);
    }

    void deleteAll() {
        lists.deleteAll();
    }
}
