package io.freelance.ledger.query.invoice;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see an invoice: its contract's client and freelancer, finance and dispute handlers. Anyone else
 * gets NOT_FOUND, the same answer as for an id that does not exist, so invoice ids reveal nothing. The
 * invoice names its parties, so no contract needs to be read to decide.
 */
@Component
public class InvoiceAccess {

    private static final Set<Role> OVERSEERS = EnumSet.of(Role.FINANCE, Role.DISPUTE_HANDLER);

    private final InvoiceReadModel invoices;

    public InvoiceAccess(InvoiceReadModel invoices) {
        this.invoices = invoices;
    }

    public InvoiceView requireReadable(Actor actor, String field, String invoiceId) {
        return invoices.findById(invoiceId)
                .filter(invoice -> mayRead(actor, invoice))
                .orElseThrow(() -> notFound(field, invoiceId));
    }

    static boolean mayRead(Actor actor, InvoiceView invoice) {
        return OVERSEERS.contains(actor.role()) || invoice.hasParty(actor.userId());
    }

    static boolean isOverseer(Actor actor) {
        return OVERSEERS.contains(actor.role());
    }

    static RuleViolation notFound(String field, String invoiceId) {
        return RuleViolation.notFound(field, "invoice.not-found",
                "There is no invoice " + invoiceId + " that you are a party to.");
    }
}
