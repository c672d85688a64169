package io.freelance.ledger.query.contract;

import static com.mongodb.client.model.Filters.eq;
import static io.freelance.ledger.query.contract.ContractFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.query.readstore.AppliedVersions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Writes to the {@code contracts} collection. An event is applied only when its sequence number is newer
 * than the version stored for its contract, so a replayed or redelivered event changes nothing. The
 * version is compared here rather than in the update's filter: every read and write addresses the
 * document by {@code _id} alone, the one lookup the embedded read store answers without a scan. One
 * processor thread applies a contract's events (contract-projection runs as one segment), so nothing
 * writes the same version between the read and the write.
 */
@Component
public class ContractStore {

    static final String AGGREGATE_TYPE = "Contract";

    private final MongoCollection<Document> contracts;
    private final PartyContractLists partyLists;
    private final AppliedVersions appliedVersions;

    public ContractStore(MongoDatabase readModelDatabase, PartyContractLists partyLists, AppliedVersions appliedVersions) {
        this.contracts = readModelDatabase.getCollection(COLLECTION);
        this.partyLists = partyLists;
        this.appliedVersions = appliedVersions;
    }

    /**
     * The offer also enters the contract in both parties' lists, first: after a crash between the two
     * writes the offer is applied again and the lists drop the repeat, while the other order could leave
     * a contract that no list shows.
     */
    public void applyOffer(String contractId, String clientId, String freelancerId, long sequenceNumber, Bson changes) {
        if (storedVersion(contractId) < sequenceNumber) {
            partyLists.offered(contractId, clientId, freelancerId);
            write(contractId, sequenceNumber, changes);
        }
    }

    public void applyContractChange(String contractId, long sequenceNumber, Bson changes) {
        if (storedVersion(contractId) < sequenceNumber) {
            write(contractId, sequenceNumber, changes);
        }
    }

    public void deleteAll() {
        contracts.deleteMany(new Document());
        partyLists.deleteAll();
    }

    /** -1 when the document or the version is missing. */
    long storedVersion(String contractId) {
        Document stored = contracts.find(eq(ID, contractId)).projection(Projections.include(CONTRACT_VERSION)).first();
        return stored == null ? -1 : ContractDocuments.versionOf(stored, CONTRACT_VERSION);
    }

    private void write(String contractId, long sequenceNumber, Bson changes) {
        contracts.updateOne(eq(ID, contractId), Updates.combine(changes, Updates.set(CONTRACT_VERSION, sequenceNumber)),
                new UpdateOptions().upsert(true));
        // Delivered once the processor's unit of work has committed, so a woken reader sees the write.
        appliedVersions.applied(AGGREGATE_TYPE, contractId, sequenceNumber);
    }
}
