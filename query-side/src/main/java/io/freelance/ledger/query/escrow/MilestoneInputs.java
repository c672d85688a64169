package io.freelance.ledger.query.escrow;

import io.freelance.ledger.query.graphql.MoneyInput;

import java.time.LocalDate;
import java.util.List;

/** The input objects of the milestone and escrow mutations, as the schema declares them. */
public final class MilestoneInputs {

    private MilestoneInputs() {
    }

    public record AddMilestoneInput(
            String contractId, String idempotencyKey, String description, MoneyInput depositAmount, LocalDate dueDate) {
    }

    public record EditMilestoneInput(
            String contractId, String milestoneId, String description, MoneyInput depositAmount, LocalDate dueDate) {
    }

    public record ReorderMilestonesInput(String contractId, List<String> milestoneIds) {
    }

    public record DeleteMilestoneInput(String contractId, String milestoneId) {
    }

    public record FundMilestoneInput(String contractId, String milestoneId, String idempotencyKey) {
    }

    public record SubmitMilestoneInput(String contractId, String milestoneId, String note) {
    }

    public record RequestMilestoneChangesInput(String contractId, String milestoneId, String message) {
    }

    public record ApproveMilestoneInput(
            String contractId, String milestoneId, String idempotencyKey, MoneyInput releaseAmount, MoneyInput bonus, String note) {
    }

    public record DisputeEscrowRefundInput(String contractId, String reason) {
    }
}
