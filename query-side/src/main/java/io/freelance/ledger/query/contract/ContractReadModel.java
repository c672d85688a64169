package io.freelance.ledger.query.contract;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static io.freelance.ledger.query.contract.ContractFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.query.contract.ContractPageQuery.ContractPosition;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Reads contracts. A document exists as soon as either aggregate's first event is applied, but it
 * is a contract only once the offer is: reads skip documents without it.
 */
@Component
public class ContractReadModel {

    private final MongoCollection<Document> contracts;

    public ContractReadModel(MongoDatabase readModelDatabase) {
        this.contracts = readModelDatabase.getCollection(COLLECTION);
    }

    /** By {@code _id} alone (the embedded read store scans for anything more); the offer is checked here. */
    public Optional<ContractView> findById(String contractId) {
        Document document = contracts.find(eq(ID, contractId)).first();
        if (document == null || ContractDocuments.versionOf(document, CONTRACT_VERSION) < 0) {
            return Optional.empty();
        }
        return Optional.of(ContractDocuments.toView(document));
    }

    /** Answers subscription queries too: a mutation subscribes to its contract to wait for its own effect. */
    @QueryHandler
    public Optional<ContractView> handle(FindContractQuery query) {
        return findById(query.contractId());
    }

    /** Up to {@code pageSize + 1} contracts, so the caller can tell whether another page follows. */
    public List<ContractView> findPage(ContractPageQuery query) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(partyFilter(query.userId(), query.side()));
        // Always naming the statuses lets MongoDB walk the (party, status, offeredAt) index in order.
        List<ContractStatus> statuses = query.statuses() == null || query.statuses().isEmpty()
                ? List.of(ContractStatus.values()) : query.statuses();
        conditions.add(in(STATUS, ContractDocuments.names(statuses)));
        if (query.after() != null) {
            conditions.add(after(query.after()));
        }
        return contracts.find(and(conditions))
                .sort(Sorts.descending(OFFERED_AT, ID))
                .limit(query.pageSize() + 1)
                .map(ContractDocuments::toView)
                .into(new ArrayList<>());
    }

    private static Bson partyFilter(String userId, ContractPartyRole side) {
        if (side == null) {
            return or(eq(CLIENT_ID, userId), eq(FREELANCER_ID, userId));
        }
        return switch (side) {
            case CLIENT -> eq(CLIENT_ID, userId);
            case FREELANCER -> eq(FREELANCER_ID, userId);
        };
    }

    private static Bson after(ContractPosition position) {
        Date offeredAt = Date.from(position.offeredAt());
        return or(lt(OFFERED_AT, offeredAt), and(eq(OFFERED_AT, offeredAt), lt(ID, position.contractId())));
    }
}
