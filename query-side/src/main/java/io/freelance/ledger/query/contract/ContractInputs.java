package io.freelance.ledger.query.contract;

import io.freelance.ledger.query.graphql.MoneyInput;

import java.time.LocalDate;
import java.util.List;

/** The input objects of the contract mutations, as the schema declares them. */
public final class ContractInputs {

    private ContractInputs() {
    }

    public record OfferFixedPriceContractInput(
            String idempotencyKey, String freelancerId, String title, String currency, List<MilestoneInput> milestones) {
    }

    public record MilestoneInput(String description, MoneyInput depositAmount, LocalDate dueDate) {
    }

    public record OfferHourlyContractInput(
            String idempotencyKey, String freelancerId, String title, MoneyInput hourlyRate,
            Integer weeklyLimitHours, Boolean manualTimeAllowed, Boolean trackerOptIn) {
    }

    public record AcceptContractInput(String contractId) {
    }

    public record DeclineContractInput(String contractId, String reason) {
    }

    public record EndContractInput(String contractId, String reason) {
    }

    public record ChangeWeeklyLimitInput(String contractId, Integer weeklyLimitHours) {
    }

    public record PauseContractInput(String contractId, String reason) {
    }

    public record ResumeContractInput(String contractId, String reason) {
    }
}
