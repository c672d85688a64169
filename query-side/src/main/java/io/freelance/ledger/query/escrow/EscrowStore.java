package io.freelance.ledger.query.escrow;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.freelance.ledger.query.readstore.AppliedVersions;
import io.freelance.ledger.query.readstore.Versioned;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code escrow_accounts} collection: one document per EscrowAccount aggregate, keyed by its id,
 * holding the milestones, the escrow summary and the version of the last applied event. Reads and
 * writes go by {@code _id} alone (the embedded read store scans for anything more); the version is
 * compared in code by the one processor thread that applies the account's events.
 */
@Component
public class EscrowStore {

    static final String COLLECTION = "escrow_accounts";
    static final String AGGREGATE_TYPE = "EscrowAccount";
    static final String CONTRACT_ID = "contractId";
    static final String MILESTONES = "milestones";
    static final String ESCROW = "escrow";
    static final String VERSION = "version";

    private final MongoCollection<Document> accounts;
    private final AppliedVersions appliedVersions;

    public EscrowStore(MongoDatabase readModelDatabase, AppliedVersions appliedVersions) {
        this.accounts = readModelDatabase.getCollection(COLLECTION);
        this.appliedVersions = appliedVersions;
    }

    /** The stored state with its version; empty before the account's opening was applied. */
    Optional<Versioned<EscrowState>> find(String escrowAccountId) {
        return Optional.ofNullable(accounts.find(eq("_id", escrowAccountId)).first())
                .map(document -> new Versioned<>(EscrowDocuments.versionOf(document), EscrowDocuments.toState(document)));
    }

    /** The whole state under the event's version: the caller has compared versions. */
    void write(String escrowAccountId, long sequenceNumber, EscrowState state) {
        accounts.replaceOne(eq("_id", escrowAccountId), EscrowDocuments.accountDocument(escrowAccountId, state, sequenceNumber),
                new ReplaceOptions().upsert(true));
        // Delivered once the processor's unit of work has committed, so a woken reader sees the write.
        appliedVersions.applied(AGGREGATE_TYPE, escrowAccountId, sequenceNumber);
    }

    void deleteAll() {
        accounts.deleteMany(new Document());
    }
}
