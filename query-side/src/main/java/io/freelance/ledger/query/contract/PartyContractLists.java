package io.freelance.ledger.query.contract;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.readstore.IdLists;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Each user's contracts, as client or freelancer, in the order they were offered. */
@Component
public class PartyContractLists {

    static final String COLLECTION = "party_contract_lists";

    private final IdLists lists;

    public PartyContractLists(MongoDatabase readModelDatabase) {
        this.lists = new IdLists(readModelDatabase.getCollection(COLLECTION));
    }

    void offered(String contractId, String clientId, String freelancerId) {
        lists.append(clientId, contractId);
        if (!freelancerId.equals(clientId)) {
            lists.append(freelancerId, contractId);
        }
    }

    List<IdLists.Entry> newestFirst(String userId, Long beforePosition, int limit) {
        return lists.newestFirst(userId, beforePosition, limit);
    }

    /** Every contract of the user, oldest offer first. */
    Set<String> all(String userId) {
        return lists.all(userId);
    }

    void deleteAll() {
        lists.deleteAll();
    }
}
