package io.freelance.ledger.query.invoice;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.freelance.ledger.query.readstore.IdLists;
import io.freelance.ledger.query.readstore.VersionedReadModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads invoices by {@code _id}, one at a time or a page of a contract's or a party's list. */
@Component
public class InvoiceReadModel implements VersionedReadModel {

    private final MongoCollection<Document> invoices;
    private final InvoiceLists lists;

    public InvoiceReadModel(MongoDatabase readModelDatabase, InvoiceLists lists) {
        this.invoices = readModelDatabase.getCollection(InvoiceStore.COLLECTION);
        this.lists = lists;
    }

    public Optional<InvoiceView> findById(String invoiceId) {
        return Optional.ofNullable(invoices.find(eq("_id", invoiceId)).first()).map(InvoiceDocuments::toView);
    }

    /** Up to {@code pageSize + 1} of the contract's invoices, latest first, so the caller sees whether more follow. */
    List<ListedInvoice> pageOfContract(String contractId, Long after, int pageSize) {
        return page((before, limit) -> lists.newestOfContract(contractId, before, limit), after, pageSize);
    }

    /** Up to {@code pageSize + 1} invoices of the user's contracts, latest first. */
    List<ListedInvoice> pageOfParty(String userId, Long after, int pageSize) {
        return page((before, limit) -> lists.newestOfParty(userId, before, limit), after, pageSize);
    }

    @Override
    public String aggregateType() {
        return InvoiceStore.AGGREGATE_TYPE;
    }

    @Override
    public long appliedVersion(String invoiceId) {
        Document stored = invoices.find(eq("_id", invoiceId)).projection(Projections.include(InvoiceDocuments.VERSION)).first();
        return stored == null ? -1 : InvoiceDocuments.versionOf(stored);
    }

    /** A list can name an invoice twice after a crash between its writes: the repeat is dropped. */
    private List<ListedInvoice> page(ListReader list, Long after, int pageSize) {
        List<ListedInvoice> page = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Long before = after;
        while (page.size() <= pageSize) {
            List<IdLists.Entry> entries = list.newest(before, pageSize + 1 - page.size());
            if (entries.isEmpty()) {
                break;
            }
            Map<String, InvoiceView> found = new HashMap<>();
            invoices.find(in("_id", entries.stream().map(IdLists.Entry::id).toList()))
                    .forEach(document -> found.put(document.getString("_id"), InvoiceDocuments.toView(document)));
            for (IdLists.Entry entry : entries) {
                InvoiceView invoice = found.get(entry.id());
                if (invoice != null && seen.add(entry.id())) {
                    page.add(new ListedInvoice(entry.position(), invoice));
                }
            }
            before = entries.get(entries.size() - 1).position();
        }
        return page;
    }

    @FunctionalInterface
    private interface ListReader {
        List<IdLists.Entry> newest(Long beforePosition, int limit);
    }
}
