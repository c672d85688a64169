package io.freelance.ledger.query.contract;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static io.freelance.ledger.query.contract.ContractFields.*;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.query.escrow.EscrowDocuments;
import io.freelance.ledger.query.escrow.EscrowState;
import io.freelance.ledger.query.readstore.DuplicateKeys;
import jakarta.annotation.PostConstruct;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Writes to the {@code contracts} collection. Every write is one versioned upsert: it applies only
 * when the event's sequence number is newer than the version stored for its aggregate, so a
 * replayed or redelivered event changes nothing.
 */
@Component
public class ContractStore {

    private final MongoCollection<Document> contracts;
    private final ContractChangeSignal changeSignal;

    public ContractStore(MongoDatabase readModelDatabase, ContractChangeSignal changeSignal) {
        this.contracts = readModelDatabase.getCollection(COLLECTION);
        this.changeSignal = changeSignal;
    }

    /** The queries of {@link ContractReadModel}: a party's contracts by status, newest offer first. */
    @PostConstruct
    public void createIndexes() {
        contracts.createIndex(Indexes.compoundIndex(Indexes.ascending(CLIENT_ID, STATUS), Indexes.descending(OFFERED_AT, ID)),
                new IndexOptions().name("client_status_offeredAt"));
        contracts.createIndex(Indexes.compoundIndex(Indexes.ascending(FREELANCER_ID, STATUS), Indexes.descending(OFFERED_AT, ID)),
                new IndexOptions().name("freelancer_status_offeredAt"));
    }

    public void applyContractChange(String contractId, long sequenceNumber, Bson changes) {
        upsertIfNewer(contractId, CONTRACT_VERSION, ESCROW_VERSION, sequenceNumber, changes);
    }

    public void applyEscrowChange(String contractId, long sequenceNumber, Bson changes) {
        upsertIfNewer(contractId, ESCROW_VERSION, CONTRACT_VERSION, sequenceNumber, changes);
    }

    /** The escrow-owned fields and their version; empty before any event of the contract was applied. */
    public Optional<VersionedEscrowState> findEscrowState(String contractId) {
        Document document = contracts.find(eq(ID, contractId))
                .projection(Projections.include(MILESTONES, ESCROW, ESCROW_VERSION))
                .first();
        if (document == null) {
            return Optional.empty();
        }
        EscrowState state = new EscrowState(contractId,
                EscrowDocuments.milestonesFromDocuments(document.getList(MILESTONES, Document.class)),
                EscrowDocuments.escrowFromDocument(document.get(ESCROW, Document.class)));
        return Optional.of(new VersionedEscrowState(ContractDocuments.versionOf(document, ESCROW_VERSION), state));
    }

    public void deleteAll() {
        contracts.deleteMany(new Document());
    }

    private void upsertIfNewer(String contractId, String versionField, String otherVersionField,
                               long sequenceNumber, Bson changes) {
        Bson filter = and(eq(ID, contractId), lt(versionField, sequenceNumber));
        Bson update = Updates.combine(changes,
                Updates.set(versionField, sequenceNumber),
                // A document the other aggregate's event creates first starts that version at -1.
                Updates.setOnInsert(otherVersionField, -1L));
        try {
            contracts.updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            // The stored version is already at or past this event: it was applied before.
            return;
        }
        changeSignal.contractChanged();
    }

    public record VersionedEscrowState(long escrowVersion, EscrowState state) {
    }
}
