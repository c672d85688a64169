package io.freelance.ledger.query.invoice;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.graphql.Rejections;
import io.freelance.ledger.query.readstore.ReadYourWrites;
import io.freelance.ledger.query.readstore.Shown;
import io.freelance.ledger.query.security.Caller;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The steps every invoice mutation shares: send the command to the Invoice aggregate, wait until the
 * invoice read model shows the version it produced, answer the invoice. Who may do what is the aggregate's
 * decision; here only the roles that read every invoice but act for no party are turned away, since the
 * aggregate would answer them "not found" about an invoice they can read.
 */
@Component
public class InvoiceCommands {

    private final InvoiceReadModel invoices;
    private final CommandSender sender;
    private final ReadYourWrites readYourWrites;

    public InvoiceCommands(InvoiceReadModel invoices, CommandSender sender, ReadYourWrites readYourWrites) {
        this.invoices = invoices;
        this.sender = sender;
        this.readYourWrites = readYourWrites;
    }

    /**
     * A step only the contract's client or freelancer takes. {@code partyRule} and {@code action} are the
     * aggregate's words for it ({@code contract.client-only}, "approve invoices").
     */
    public InvoicePayload byParty(Caller caller, String invoiceId, Object command, String partyRule, String action) {
        if (InvoiceAccess.isOverseer(caller.actor())) {
            throw notTheParty(caller.actor(), partyRule, action);
        }
        return send(caller, invoiceId, command);
    }

    public InvoicePayload send(Caller caller, String invoiceId, Object command) {
        Object result;
        try {
            result = sender.send(command, caller);
        } catch (RuntimeException failed) {
            throw namingTheInvoice(failed, invoiceId);
        }
        Shown<InvoiceView> invoice = readYourWrites.awaitThenRead("Invoice", invoiceId,
                ReadYourWrites.versionsOf(result, InvoiceStore.AGGREGATE_TYPE, invoiceId), () -> invoices.findById(invoiceId));
        return new InvoicePayload(invoiceId, invoice.view(), invoice.pending());
    }

    /**
     * The aggregate checks parties on the invoice's contract and names the contract; the caller sent an
     * invoice id, so that is the field, and someone who is no party learns only that there is no such invoice.
     */
    private static RuntimeException namingTheInvoice(RuntimeException failed, String invoiceId) {
        Optional<LedgerError> refusal = Rejections.of(failed);
        if (refusal.isEmpty() || !"contractId".equals(refusal.get().field())) {
            return failed;
        }
        LedgerError error = refusal.get();
        if ("contract.not-found".equals(error.rule())) {
            return InvoiceAccess.notFound("invoiceId", invoiceId);
        }
        return new RuleViolation(new LedgerError(error.category(), "invoiceId", error.rule(), error.message()));
    }

    private static RuleViolation notTheParty(Actor actor, String partyRule, String action) {
        String role = actor.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String party = partyRule.endsWith("client-only") ? "client" : "freelancer";
        return RuleViolation.forbidden("invoiceId", partyRule,
                "Only the contract's %s can %s; your role (%s) may read invoices but not act for a party."
                        .formatted(party, action, role));
    }
}
