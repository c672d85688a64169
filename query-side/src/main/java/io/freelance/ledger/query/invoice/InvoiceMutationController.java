package io.freelance.ledger.query.invoice;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.dispute.DecideHourDisputeCommand;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import io.freelance.ledger.dispute.RespondToHourDisputeCommand;
import io.freelance.ledger.invoice.ApproveInvoiceCommand;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.invoice.InvoiceInputs.ApproveInvoiceInput;
import io.freelance.ledger.query.invoice.InvoiceInputs.DecideHourDisputeInput;
import io.freelance.ledger.query.invoice.InvoiceInputs.DisputeInvoiceHoursInput;
import io.freelance.ledger.query.invoice.InvoiceInputs.RespondToHourDisputeInput;
import io.freelance.ledger.query.security.Caller;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The client's review of a weekly invoice and the hour dispute that can follow: commands to the Invoice
 * aggregate, which decides who may do what and when. Here only the input's shape is checked.
 */
@Controller
public class InvoiceMutationController {

    private final InvoiceCommands commands;

    public InvoiceMutationController(InvoiceCommands commands) {
        this.commands = commands;
    }

    @MutationMapping
    public InvoicePayload approveInvoice(@Argument ApproveInvoiceInput input, Caller caller) {
        String invoiceId = Inputs.id("invoiceId", input.invoiceId());
        return commands.byParty(caller, invoiceId, new ApproveInvoiceCommand(invoiceId), "contract.client-only",
                "approve invoices");
    }

    @MutationMapping
    public InvoicePayload disputeInvoiceHours(@Argument DisputeInvoiceHoursInput input, Caller caller) {
        String invoiceId = Inputs.id("invoiceId", input.invoiceId());
        List<Instant> cells = cellTimes("cellDateTimes", input.cellDateTimes(), true);
        String reason = Inputs.note("reason", input.reason());
        return commands.byParty(caller, invoiceId, new DisputeInvoiceHoursCommand(invoiceId, cells, reason),
                "contract.client-only", "dispute hours");
    }

    @MutationMapping
    public InvoicePayload respondToHourDispute(@Argument RespondToHourDisputeInput input, Caller caller) {
        String invoiceId = Inputs.id("invoiceId", input.invoiceId());
        String note = Inputs.optionalNote("note", input.note());
        return commands.byParty(caller, invoiceId, new RespondToHourDisputeCommand(invoiceId, input.response(), note),
                "contract.freelancer-only", "respond to disputes");
    }

    @MutationMapping
    public InvoicePayload decideHourDispute(@Argument DecideHourDisputeInput input, Caller caller) {
        String invoiceId = Inputs.id("invoiceId", input.invoiceId());
        List<Instant> refunded = cellTimes("refundedCellDateTimes", input.refundedCellDateTimes(), false);
        String note = Inputs.note("note", input.note());
        return commands.send(caller, invoiceId, new DecideHourDisputeCommand(invoiceId, refunded, note));
    }

    /** At most a week of cells, so an oversized list is refused before it becomes a command. */
    private static List<Instant> cellTimes(String field, List<OffsetDateTime> given, boolean required) {
        List<OffsetDateTime> cells = given == null ? List.of() : given;
        if (required && cells.isEmpty()) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".required",
                    "Name at least one cell by its cellDateTime.");
        }
        if (cells.size() > DiaryInput.CELLS_PER_WEEK) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".too-many",
                    "A week has at most %d cells; %d were named.".formatted(DiaryInput.CELLS_PER_WEEK, cells.size()));
        }
        return cells.stream().map(OffsetDateTime::toInstant).toList();
    }
}
