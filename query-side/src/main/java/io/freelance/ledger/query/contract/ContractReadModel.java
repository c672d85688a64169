package io.freelance.ledger.query.contract;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.freelance.ledger.query.contract.ContractFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.query.readstore.IdLists;
import io.freelance.ledger.query.readstore.VersionedReadModel;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reads contracts. A document exists as soon as either aggregate's first event is applied, but it
 * is a contract only once the offer is: reads skip documents without it.
 */
@Component
public class ContractReadModel implements VersionedReadModel {

    /** Contracts read per query while walking a user's list. */
    private static final int READ_CHUNK = 100;

    private final MongoCollection<Document> contracts;
    private final PartyContractLists partyLists;

    public ContractReadModel(MongoDatabase readModelDatabase, PartyContractLists partyLists) {
        this.contracts = readModelDatabase.getCollection(COLLECTION);
        this.partyLists = partyLists;
    }

    /** By {@code _id} alone (the embedded read store scans for anything more); the offer is checked here. */
    public Optional<ContractView> findById(String contractId) {
        Document document = contracts.find(eq(ID, contractId)).first();
        if (document == null || ContractDocuments.versionOf(document, CONTRACT_VERSION) < 0) {
            return Optional.empty();
        }
        return Optional.of(ContractDocuments.toView(document));
    }

    @Override
    public String aggregateType() {
        return ContractStore.AGGREGATE_TYPE;
    }

    @Override
    public long appliedVersion(String contractId) {
        Document stored = contracts.find(eq(ID, contractId)).projection(Projections.include(CONTRACT_VERSION)).first();
        return stored == null ? -1 : ContractDocuments.versionOf(stored, CONTRACT_VERSION);
    }

    /**
     * Up to {@code pageSize + 1} contracts, newest offer first, so the caller can tell whether another page
     * follows. Walks the user's own list (by {@code _id}) and filters role and status in memory: the cost
     * grows with the user's contracts, never with everybody else's.
     */
    public List<ListedContract> findPage(ContractPageQuery query) {
        Set<ContractStatus> statuses = query.statuses() == null || query.statuses().isEmpty()
                ? EnumSet.allOf(ContractStatus.class) : EnumSet.copyOf(query.statuses());
        List<ListedContract> page = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Long before = query.after();
        while (page.size() <= query.pageSize()) {
            List<IdLists.Entry> entries = partyLists.newestFirst(query.userId(), before, READ_CHUNK);
            if (entries.isEmpty()) {
                break;
            }
            Map<String, ContractView> views = findByIds(entries.stream().map(IdLists.Entry::id).toList());
            for (IdLists.Entry entry : entries) {
                ContractView view = views.get(entry.id());
                if (view != null && seen.add(entry.id()) && statuses.contains(view.status())
                        && onSide(view, query.userId(), query.side()) && page.size() <= query.pageSize()) {
                    page.add(new ListedContract(entry.position(), view));
                }
            }
            before = entries.get(entries.size() - 1).position();
        }
        return page;
    }

    /**
     * Every contract the user is a party to, oldest offer first: the user's own list (by {@code _id}), then the
     * contracts by {@code _id}, {@value #READ_CHUNK} per read. The cost grows with the user's contracts only.
     */
    public List<ContractView> findAllOfParty(String userId) {
        List<String> contractIds = List.copyOf(partyLists.all(userId));
        List<ContractView> found = new ArrayList<>(contractIds.size());
        for (int start = 0; start < contractIds.size(); start += READ_CHUNK) {
            List<String> chunk = contractIds.subList(start, Math.min(contractIds.size(), start + READ_CHUNK));
            Map<String, ContractView> views = findByIds(chunk);
            chunk.stream().map(views::get)
                    .filter(view -> view != null && view.hasParty(userId))
                    .forEach(found::add);
        }
        return found;
    }

    private Map<String, ContractView> findByIds(List<String> contractIds) {
        Map<String, ContractView> views = new HashMap<>();
        contracts.find(in(ID, contractIds)).forEach(document -> {
            if (ContractDocuments.versionOf(document, CONTRACT_VERSION) >= 0) {
                views.put(document.getString(ID), ContractDocuments.toView(document));
            }
        });
        return views;
    }

    private static boolean onSide(ContractView contract, String userId, ContractPartyRole side) {
        if (side == null) {
            return contract.hasParty(userId);
        }
        return switch (side) {
            case CLIENT -> userId.equals(contract.clientId());
            case FREELANCER -> userId.equals(contract.freelancerId());
        };
    }
}
