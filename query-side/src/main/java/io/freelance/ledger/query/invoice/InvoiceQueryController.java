package io.freelance.ledger.query.invoice;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.invoice.InvoicedCell;
import io.freelance.ledger.query.contract.ContractAccess;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.diary.WorkDiaryWeek;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.graphql.Pages;
import io.freelance.ledger.query.security.Caller;
import io.freelance.ledger.query.security.UserView;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** Invoices and their disputes as the caller may see them: one, a contract's list, or the caller's own. */
@Controller
public class InvoiceQueryController {

    /** An invoice's place in the list it was read from, which pages are read by. */
    private static final String LIST_POSITION_KEY = "listPosition";

    private final InvoiceAccess access;
    private final ContractAccess contractAccess;
    private final InvoiceReadModel invoices;

    public InvoiceQueryController(InvoiceAccess access, ContractAccess contractAccess, InvoiceReadModel invoices) {
        this.access = access;
        this.contractAccess = contractAccess;
        this.invoices = invoices;
    }

    @QueryMapping
    public InvoiceView invoice(@Argument String id, Caller caller) {
        return access.requireReadable(caller.actor(), "id", Inputs.id("id", id));
    }

    /**
     * A contract's invoices for whoever may see the contract; without a contract, the caller's own. Finance and
     * dispute handlers have no contracts of their own, so they name one.
     */
    @QueryMapping
    public Window<InvoiceView> invoices(@Argument String contractId, ScrollSubrange page, Caller caller) {
        int size = Pages.size(page);
        Long after = after(page);
        if (contractId != null) {
            contractAccess.requireReadable(caller.actor(), "contractId", Inputs.id("contractId", contractId));
            return window(invoices.pageOfContract(contractId, after, size), size);
        }
        if (InvoiceAccess.isOverseer(caller.actor())) {
            throw RuleViolation.badRequest("contractId", "contractId.required",
                    "Name the contract whose invoices to list; only clients and freelancers have invoices of their own.");
        }
        return window(invoices.pageOfParty(caller.userId(), after, size), size);
    }

    /** The contract is one the caller may see already: it was read through the access rules. */
    @SchemaMapping(typeName = "Contract", field = "invoices")
    public Window<InvoiceView> contractInvoices(ContractView contract, ScrollSubrange page) {
        int size = Pages.size(page);
        return window(invoices.pageOfContract(contract.id(), after(page), size), size);
    }

    /**
     * The week was read through the diary's access rules, which are the contract's, as the invoice's are; so the
     * invoice needs no second check. Null until the week is invoiced.
     */
    @SchemaMapping(typeName = "WorkDiaryWeek", field = "invoice")
    public InvoiceView weekInvoice(WorkDiaryWeek week) {
        return week.invoiceId() == null ? null : invoices.findById(week.invoiceId()).orElse(null);
    }

    @SchemaMapping(typeName = "Invoice")
    public UserView client(InvoiceView invoice) {
        return new UserView(invoice.clientId(), Role.CLIENT);
    }

    @SchemaMapping(typeName = "Invoice")
    public UserView freelancer(InvoiceView invoice) {
        return new UserView(invoice.freelancerId(), Role.FREELANCER);
    }

    @SchemaMapping(typeName = "InvoicedCell", field = "protected")
    public boolean isProtected(InvoicedCell cell) {
        return cell.isProtected();
    }

    @SchemaMapping(typeName = "HourDisputeSettlement")
    public UserView decidedBy(HourDisputeSettlement settlement, Caller reader) {
        return UserView.actingAs(settlement.decidedBy(), settlement.decidedByRole(), reader);
    }

    private static Long after(ScrollSubrange page) {
        return Pages.after(page).map(keys -> Pages.number(keys, LIST_POSITION_KEY)).orElse(null);
    }

    private static Window<InvoiceView> window(List<ListedInvoice> fetched, int size) {
        return Pages.window(fetched, size, listed -> Map.of(LIST_POSITION_KEY, listed.position()), ListedInvoice::invoice);
    }
}
