package io.freelance.ledger.query.dispute;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.dispute.AcceptDisputeProposalCommand;
import io.freelance.ledger.dispute.DecideDisputeCommand;
import io.freelance.ledger.dispute.DecideHourDisputeCommand;
import io.freelance.ledger.dispute.DisputeId;
import io.freelance.ledger.dispute.DisputeKind;
import io.freelance.ledger.dispute.DisputeResponse;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.OpenMilestoneDisputeCommand;
import io.freelance.ledger.dispute.ProposeDisputeSettlementCommand;
import io.freelance.ledger.dispute.RejectDisputeProposalCommand;
import io.freelance.ledger.dispute.RespondToDisputeCommand;
import io.freelance.ledger.dispute.RespondToHourDisputeCommand;
import io.freelance.ledger.query.dispute.DisputeInputs.AcceptDisputeProposalInput;
import io.freelance.ledger.query.dispute.DisputeInputs.DecideDisputeInput;
import io.freelance.ledger.query.dispute.DisputeInputs.OpenMilestoneDisputeInput;
import io.freelance.ledger.query.dispute.DisputeInputs.ProposeDisputeSettlementInput;
import io.freelance.ledger.query.dispute.DisputeInputs.RejectDisputeProposalInput;
import io.freelance.ledger.query.dispute.DisputeInputs.RespondToDisputeInput;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.security.Caller;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The dispute desk's mutations. Fixed-price disputes are commands to the Dispute aggregate; an hour dispute is
 * answered and decided through its invoice's existing commands, so the invoice keeps its own rules. Here the
 * input's shape is checked, the caller's role for the step, and that the caller may see the dispute at all.
 */
@Controller
public class DisputeMutationController {

    private final DisputeAccess access;
    private final DisputeCommands commands;

    public DisputeMutationController(DisputeAccess access, DisputeCommands commands) {
        this.access = access;
        this.commands = commands;
    }

    @MutationMapping
    public DisputePayload openMilestoneDispute(@Argument OpenMilestoneDisputeInput input, Caller caller) {
        DisputeAccess.requirePartyRole(caller.actor(), "disputeId", "open a dispute");
        String contractId = Inputs.id("contractId", input.contractId());
        String milestoneId = Inputs.id("milestoneId", input.milestoneId());
        String reason = Inputs.note("reason", input.reason());
        String disputeId = DisputeId.forMilestone(contractId, milestoneId);
        return commands.send(caller, disputeId,
                new OpenMilestoneDisputeCommand(disputeId, contractId, milestoneId, reason));
    }

    @MutationMapping
    public DisputePayload respondToDispute(@Argument RespondToDisputeInput input, Caller caller) {
        DisputeAccess.requirePartyRole(caller.actor(), "disputeId", "respond to a dispute");
        DisputeView dispute = readable(input.disputeId(), caller);
        String statement = Inputs.optionalNote("statement", input.statement());
        if (dispute.kind() == DisputeKind.HOURS) {
            HourDisputeResponse response = input.response() == DisputeResponse.CONTEST
                    ? HourDisputeResponse.CONTEST : HourDisputeResponse.ACCEPT_REFUND;
            return commands.sendToInvoice(caller, dispute.id(),
                    new RespondToHourDisputeCommand(dispute.invoiceId(), response, statement));
        }
        return commands.send(caller, dispute.id(), new RespondToDisputeCommand(dispute.id(), input.response(), statement));
    }

    @MutationMapping
    public DisputePayload proposeDisputeSettlement(@Argument ProposeDisputeSettlementInput input, Caller caller) {
        DisputeAccess.requireHandler(caller.actor(), "disputeId", "propose a settlement");
        DisputeView dispute = fixedPrice(readable(input.disputeId(), caller), "take proposals");
        return commands.send(caller, dispute.id(), new ProposeDisputeSettlementCommand(dispute.id(), input.outcome(),
                Inputs.money("releaseAmount", input.releaseAmount()), Inputs.money("refundAmount", input.refundAmount()),
                Inputs.optionalNote("note", input.note())));
    }

    @MutationMapping
    public DisputePayload acceptDisputeProposal(@Argument AcceptDisputeProposalInput input, Caller caller) {
        DisputeAccess.requirePartyRole(caller.actor(), "disputeId", "accept a proposal");
        DisputeView dispute = fixedPrice(readable(input.disputeId(), caller), "take proposals");
        return commands.send(caller, dispute.id(),
                new AcceptDisputeProposalCommand(dispute.id(), proposalNumber(input.proposalNumber())));
    }

    @MutationMapping
    public DisputePayload rejectDisputeProposal(@Argument RejectDisputeProposalInput input, Caller caller) {
        DisputeAccess.requirePartyRole(caller.actor(), "disputeId", "reject a proposal");
        DisputeView dispute = fixedPrice(readable(input.disputeId(), caller), "take proposals");
        return commands.send(caller, dispute.id(), new RejectDisputeProposalCommand(dispute.id(),
                proposalNumber(input.proposalNumber()), Inputs.optionalNote("reason", input.reason())));
    }

    /** A fixed-price dispute is decided by amounts; an hour dispute by the cells refunded, through its invoice. */
    @MutationMapping
    public DisputePayload decideDispute(@Argument DecideDisputeInput input, Caller caller) {
        DisputeAccess.requireHandler(caller.actor(), "disputeId", "decide disputes");
        DisputeView dispute = readable(input.disputeId(), caller);
        String note = Inputs.note("note", input.note());
        if (dispute.kind() == DisputeKind.HOURS) {
            if (input.outcome() != null || input.releaseAmount() != null || input.refundAmount() != null) {
                throw RuleViolation.badRequest("outcome", "dispute.hours-by-cells",
                        "An hour dispute is decided by the cells refunded (refundedCellDateTimes), not by an outcome "
                                + "or amounts: protected hours are always paid.");
            }
            return commands.sendToInvoice(caller, dispute.id(), new DecideHourDisputeCommand(dispute.invoiceId(),
                    cellTimes(input.refundedCellDateTimes()), note));
        }
        if (input.refundedCellDateTimes() != null) {
            throw RuleViolation.badRequest("refundedCellDateTimes", "dispute.cells-for-hours-only",
                    "Only an hour dispute is decided by cells; a %s dispute by an outcome."
                            .formatted(dispute.kind().name().toLowerCase(Locale.ROOT)));
        }
        return commands.send(caller, dispute.id(), new DecideDisputeCommand(dispute.id(), input.outcome(),
                Inputs.money("releaseAmount", input.releaseAmount()), Inputs.money("refundAmount", input.refundAmount()),
                note));
    }

    private DisputeView readable(String disputeId, Caller caller) {
        return access.requireReadable(caller.actor(), "disputeId", Inputs.id("disputeId", disputeId));
    }

    private static DisputeView fixedPrice(DisputeView dispute, String action) {
        if (dispute.kind() == DisputeKind.HOURS) {
            throw RuleViolation.conflict("disputeId", "dispute.hours-by-cells",
                    "Hour disputes do not %s: a dispute handler decides them by the cells refunded.".formatted(action));
        }
        return dispute;
    }

    private static int proposalNumber(Integer number) {
        if (number == null || number < 1) {
            throw RuleViolation.badRequest("proposalNumber", "proposalNumber.positive",
                    "Name the proposal by its number (1 or more), as the dispute shows it.");
        }
        return number;
    }

    /** At most a week of cells, so an oversized list is refused before it becomes a command. */
    private static List<Instant> cellTimes(List<OffsetDateTime> given) {
        List<OffsetDateTime> cells = given == null ? List.of() : given;
        if (cells.size() > DiaryInput.CELLS_PER_WEEK) {
            throw RuleViolation.badRequest("refundedCellDateTimes", TextInput.ruleSubject("refundedCellDateTimes")
                    + ".too-many", "A week has at most %d cells; %d were named."
                    .formatted(DiaryInput.CELLS_PER_WEEK, cells.size()));
        }
        return cells.stream().map(OffsetDateTime::toInstant).toList();
    }
}
