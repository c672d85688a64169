package io.freelance.ledger.query.invoice;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.readstore.IdLists;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The invoices of each contract, and of each user as the contract's client or freelancer, in the order they
 * were issued: lists addressed by {@code _id}, so a page costs the same however many invoices others have.
 */
@Component
public class InvoiceLists {

    static final String COLLECTION = "invoice_lists";
    private static final String CONTRACT = "contract:";
    private static final String PARTY = "party:";

    private final IdLists lists;

    public InvoiceLists(MongoDatabase readModelDatabase) {
        this.lists = new IdLists(readModelDatabase.getCollection(COLLECTION));
    }

    void issued(InvoiceView invoice) {
        lists.append(CONTRACT + invoice.contractId(), invoice.id());
        lists.append(PARTY + invoice.clientId(), invoice.id());
        lists.append(PARTY + invoice.freelancerId(), invoice.id());
    }

    List<IdLists.Entry> newestOfContract(String contractId, Long beforePosition, int limit) {
        return lists.newestFirst(CONTRACT + contractId, beforePosition, limit);
    }

    List<IdLists.Entry> newestOfParty(String userId, Long beforePosition, int limit) {
        return lists.newestFirst(PARTY + userId, beforePosition, limit);
    }

    void deleteAll() {
        lists.deleteAll();
    }
}
