package io.freelance.ledger.query.invoice;

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
 * The {@code invoices} collection: one document per Invoice aggregate, keyed by its id, holding the whole
 * invoice with its dispute and the version of the last applied event. Reads and writes go by {@code _id}
 * alone (the embedded read store scans for anything more); the version is compared in code by the one
 * processor thread that applies the invoice's events.
 */
@Component
public class InvoiceStore {

    static final String COLLECTION = "invoices";
    /** As the command side reports versions: the aggregate class's simple name. */
    static final String AGGREGATE_TYPE = "Invoice";

    private final MongoCollection<Document> invoices;
    private final InvoiceLists lists;
    private final AppliedVersions appliedVersions;

    public InvoiceStore(MongoDatabase readModelDatabase, InvoiceLists lists, AppliedVersions appliedVersions) {
        this.invoices = readModelDatabase.getCollection(COLLECTION);
        this.lists = lists;
        this.appliedVersions = appliedVersions;
    }

    /** The stored invoice with its version; empty before its issue was applied. */
    Optional<Versioned<InvoiceView>> find(String invoiceId) {
        return Optional.ofNullable(invoices.find(eq("_id", invoiceId)).first())
                .map(document -> new Versioned<>(InvoiceDocuments.versionOf(document), InvoiceDocuments.toView(document)));
    }

    /**
     * The issue enters the invoice in its lists first: after a crash between the writes the issue is applied
     * again and the lists drop the repeat, while the other order could leave an invoice no list shows.
     */
    void issued(InvoiceView invoice, long sequenceNumber) {
        if (find(invoice.id()).isEmpty()) {
            lists.issued(invoice);
            write(sequenceNumber, invoice);
        }
    }

    /** The whole invoice under the event's version: the caller has compared versions. */
    void write(long sequenceNumber, InvoiceView invoice) {
        invoices.replaceOne(eq("_id", invoice.id()), InvoiceDocuments.toDocument(invoice, sequenceNumber),
                new ReplaceOptions().upsert(true));
        // Delivered once the processor's unit of work has committed, so a woken reader sees the write.
        appliedVersions.applied(AGGREGATE_TYPE, invoice.id(), sequenceNumber);
    }

    void deleteAll() {
        invoices.deleteMany(new Document());
        lists.deleteAll();
    }
}
