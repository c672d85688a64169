package io.freelance.ledger.query.escrow;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.query.readstore.VersionedReadModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads escrow accounts, by their contracts: the API joins them to the contracts it shows. */
@Component
public class EscrowReadModel implements VersionedReadModel {

    private final MongoCollection<Document> accounts;

    public EscrowReadModel(MongoDatabase readModelDatabase) {
        this.accounts = readModelDatabase.getCollection(EscrowStore.COLLECTION);
    }

    /** The escrow state of each contract that has an escrow account, by contract id; one query by {@code _id}. */
    public Map<String, EscrowState> findByContractIds(Collection<String> contractIds) {
        Map<String, EscrowState> states = new HashMap<>();
        accounts.find(in("_id", contractIds.stream().map(EscrowAccountId::forContract).toList()))
                .forEach(document -> {
                    EscrowState state = EscrowDocuments.toState(document);
                    states.put(state.contractId(), state);
                });
        return states;
    }

    @Override
    public String aggregateType() {
        return EscrowStore.AGGREGATE_TYPE;
    }

    @Override
    public long appliedVersion(String escrowAccountId) {
        Document stored = accounts.find(eq("_id", escrowAccountId)).projection(Projections.include(EscrowStore.VERSION)).first();
        return stored == null ? -1 : EscrowDocuments.versionOf(stored);
    }
}
