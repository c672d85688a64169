package io.freelance.ledger.query.contract;

import static com.mongodb.client.model.Filters.eq;
import static io.freelance.ledger.query.contract.ContractFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.query.escrow.EscrowDocuments;
import io.freelance.ledger.query.escrow.EscrowState;
import java.util.Optional;
import org.bson.Document;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Writes to the {@code contracts} collection. An event is applied only when its sequence number is newer
 * than the version stored for its aggregate, so a replayed or redelivered event changes nothing. The
 * version is compared here rather than in the update's filter: every read and write addresses the
 * document by {@code _id} alone, the one lookup the embedded read store answers without a scan. One
 * processor thread applies an aggregate's events (contract-projection runs as one segment), so nothing
 * writes the same version between the read and the write.
 */
@Component
public class ContractStore {

    private final MongoCollection<Document> contracts;
    private final PartyContractLists partyLists;
    private final QueryUpdateEmitter updateEmitter;

    public ContractStore(MongoDatabase readModelDatabase, PartyContractLists partyLists, QueryUpdateEmitter updateEmitter) {
        this.contracts = readModelDatabase.getCollection(COLLECTION);
        this.partyLists = partyLists;
        this.updateEmitter = updateEmitter;
    }

    /**
     * The offer also enters the contract in both parties' lists, first: after a crash between the two
     * writes the offer is applied again and the lists drop the repeat, while the other order could leave
     * a contract that no list shows.
     */
    public void applyOffer(String contractId, String clientId, String freelancerId, long sequenceNumber, Bson changes) {
        if (storedVersion(contractId, CONTRACT_VERSION) < sequenceNumber) {
            partyLists.offered(contractId, clientId, freelancerId);
            write(contractId, CONTRACT_VERSION, ESCROW_VERSION, sequenceNumber, changes);
        }
    }

    public void applyContractChange(String contractId, long sequenceNumber, Bson changes) {
        if (storedVersion(contractId, CONTRACT_VERSION) < sequenceNumber) {
            write(contractId, CONTRACT_VERSION, ESCROW_VERSION, sequenceNumber, changes);
        }
    }

    public void applyEscrowChange(String contractId, long sequenceNumber, Bson changes) {
        if (storedVersion(contractId, ESCROW_VERSION) < sequenceNumber) {
            write(contractId, ESCROW_VERSION, CONTRACT_VERSION, sequenceNumber, changes);
        }
    }

    /**
     * Writes escrow-owned fields computed from {@link #findEscrowState} at {@code knownEscrowVersion};
     * the caller has already compared that version with the event's.
     */
    public void writeEscrowState(String contractId, long sequenceNumber, Bson changes) {
        write(contractId, ESCROW_VERSION, CONTRACT_VERSION, sequenceNumber, changes);
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
        partyLists.deleteAll();
    }

    /** -1 when the document or the version is missing. */
    private long storedVersion(String contractId, String versionField) {
        Document stored = contracts.find(eq(ID, contractId)).projection(Projections.include(versionField)).first();
        return stored == null ? -1 : ContractDocuments.versionOf(stored, versionField);
    }

    private void write(String contractId, String versionField, String otherVersionField, long sequenceNumber, Bson changes) {
        Bson update = Updates.combine(changes,
                Updates.set(versionField, sequenceNumber),
                // A document the other aggregate's event creates first starts that version at -1.
                Updates.setOnInsert(otherVersionField, -1L));
        contracts.updateOne(eq(ID, contractId), update, new UpdateOptions().upsert(true));
        // Delivered once the processor's unit of work has committed, so a woken reader sees the write.
        updateEmitter.emit(FindContractQuery.class, query -> query.contractId().equals(contractId),
                new ContractChanged(contractId));
    }

    public record VersionedEscrowState(long escrowVersion, EscrowState state) {
    }
}
