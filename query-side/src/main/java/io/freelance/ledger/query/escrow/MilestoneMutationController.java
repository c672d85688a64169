package io.freelance.ledger.query.escrow;

import io.freelance.ledger.query.contract.ContractPayload;
import io.freelance.ledger.query.contract.DeterministicIds;
import io.freelance.ledger.query.graphql.Inputs;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.dispute.DisputeId;
import io.freelance.ledger.dispute.OpenRefundDisputeCommand;
import io.freelance.ledger.escrow.AddMilestoneCommand;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.DeleteMilestoneCommand;
import io.freelance.ledger.escrow.EditMilestoneCommand;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.ReorderMilestonesCommand;
import io.freelance.ledger.escrow.RequestMilestoneChangesCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import io.freelance.ledger.query.escrow.MilestoneInputs.AddMilestoneInput;
import io.freelance.ledger.query.escrow.MilestoneInputs.ApproveMilestoneInput;
import io.freelance.ledger.query.escrow.MilestoneInputs.DeleteMilestoneInput;
import io.freelance.ledger.query.escrow.MilestoneInputs.DisputeEscrowRefundInput;
import io.freelance.ledger.query.escrow.MilestoneInputs.EditMilestoneInput;
import io.freelance.ledger.query.escrow.MilestoneInputs.FundMilestoneInput;
import io.freelance.ledger.query.escrow.MilestoneInputs.ReorderMilestonesInput;
import io.freelance.ledger.query.escrow.MilestoneInputs.RequestMilestoneChangesInput;
import io.freelance.ledger.query.escrow.MilestoneInputs.SubmitMilestoneInput;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Milestones and escrow of fixed-price contracts: commands to the contract's EscrowAccount. The caller's
 * request id is carried in the command's metadata; the caller's idempotency key travels in the command
 * itself, as the id derived from it.
 */
@Controller
public class MilestoneMutationController {

    private final EscrowCommands commands;

    public MilestoneMutationController(EscrowCommands commands) {
        this.commands = commands;
    }

    @MutationMapping
    public ContractPayload addMilestone(@Argument AddMilestoneInput input, Caller caller) {
        String contractId = Inputs.id("contractId", input.contractId());
        MilestoneTerms terms = new MilestoneTerms(
                DeterministicIds.addedMilestoneId(contractId, Inputs.idempotencyKey("idempotencyKey", input.idempotencyKey())),
                Inputs.description("description", input.description()),
                Inputs.money("depositAmount", input.depositAmount()),
                input.dueDate());
        return escrowCommand(caller, contractId, escrowId -> new AddMilestoneCommand(escrowId, terms));
    }

    @MutationMapping
    public ContractPayload editMilestone(@Argument EditMilestoneInput input, Caller caller) {
        String milestoneId = Inputs.id("milestoneId", input.milestoneId());
        // Left out keeps the description; given, it must be a description (blank is refused, not ignored).
        String description = input.description() == null ? null : Inputs.description("description", input.description());
        Money depositAmount = Inputs.money("depositAmount", input.depositAmount());
        return escrowCommand(caller, input.contractId(),
                escrowId -> new EditMilestoneCommand(escrowId, milestoneId, description, depositAmount, input.dueDate()));
    }

    @MutationMapping
    public ContractPayload reorderMilestones(@Argument ReorderMilestonesInput input, Caller caller) {
        List<String> milestoneIds = List.copyOf(Inputs.boundedList("milestoneIds", input.milestoneIds(), Inputs.MAX_MILESTONES));
        return escrowCommand(caller, input.contractId(),
                escrowId -> new ReorderMilestonesCommand(escrowId, milestoneIds));
    }

    @MutationMapping
    public ContractPayload deleteMilestone(@Argument DeleteMilestoneInput input, Caller caller) {
        String milestoneId = Inputs.id("milestoneId", input.milestoneId());
        return escrowCommand(caller, input.contractId(),
                escrowId -> new DeleteMilestoneCommand(escrowId, milestoneId));
    }

    @MutationMapping
    public ContractPayload fundMilestone(@Argument FundMilestoneInput input, Caller caller) {
        String contractId = Inputs.id("contractId", input.contractId());
        String milestoneId = Inputs.id("milestoneId", input.milestoneId());
        String idempotencyId = DeterministicIds.idempotencyId("fund-milestone", contractId,
                Inputs.idempotencyKey("idempotencyKey", input.idempotencyKey()));
        return escrowCommand(caller, contractId,
                escrowId -> new FundMilestoneCommand(escrowId, milestoneId, idempotencyId));
    }

    @MutationMapping
    public ContractPayload submitMilestone(@Argument SubmitMilestoneInput input, Caller caller) {
        String milestoneId = Inputs.id("milestoneId", input.milestoneId());
        String note = Inputs.note("note", input.note());
        return escrowCommand(caller, input.contractId(),
                escrowId -> new SubmitMilestoneCommand(escrowId, milestoneId, note));
    }

    @MutationMapping
    public ContractPayload requestMilestoneChanges(@Argument RequestMilestoneChangesInput input, Caller caller) {
        String milestoneId = Inputs.id("milestoneId", input.milestoneId());
        String message = Inputs.note("message", input.message());
        return escrowCommand(caller, input.contractId(),
                escrowId -> new RequestMilestoneChangesCommand(escrowId, milestoneId, message));
    }

    @MutationMapping
    public ContractPayload approveMilestone(@Argument ApproveMilestoneInput input, Caller caller) {
        String contractId = Inputs.id("contractId", input.contractId());
        String milestoneId = Inputs.id("milestoneId", input.milestoneId());
        String idempotencyId = DeterministicIds.idempotencyId("approve-milestone", contractId,
                Inputs.idempotencyKey("idempotencyKey", input.idempotencyKey()));
        Money releaseAmount = Inputs.money("releaseAmount", input.releaseAmount());
        Money bonus = Inputs.money("bonus", input.bonus());
        String note = Inputs.optionalNote("note", input.note());
        return escrowCommand(caller, contractId, escrowId ->
                new ApproveMilestoneCommand(escrowId, milestoneId, releaseAmount, bonus, note, idempotencyId));
    }

    @MutationMapping
    public ContractPayload disputeEscrowRefund(@Argument DisputeEscrowRefundInput input, Caller caller) {
        String reason = Inputs.note("reason", input.reason());
        String contractId = Inputs.id("contractId", input.contractId());
        // The dispute desk opens the dispute and, in the same unit of work, stops the escrow's automatic refund.
        return escrowCommand(caller, contractId,
                escrowId -> new OpenRefundDisputeCommand(DisputeId.forRefund(contractId), contractId, reason));
    }

    private ContractPayload escrowCommand(Caller caller, String contractId, Function<String, Object> commandForEscrowAccount) {
        return commands.change(caller, Inputs.id("contractId", contractId), commandForEscrowAccount);
    }
}
