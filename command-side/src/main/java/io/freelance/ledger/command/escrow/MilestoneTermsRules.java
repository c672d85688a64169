package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.contract.MilestoneTerms;
import java.math.BigDecimal;

/**
 * What makes milestone terms acceptable, whether they arrive with an offer or are added to the escrow
 * schedule later. {@code fieldPrefix} locates the terms in the caller's input: {@code milestones[1].}
 * inside an offer, empty where the milestone is the whole input.
 */
public final class MilestoneTermsRules {

    public static final int MAXIMUM_MILESTONES = MilestoneTerms.MAXIMUM_PER_CONTRACT;

    private MilestoneTermsRules() {
    }

    public static void requireValid(String fieldPrefix, MilestoneTerms terms, String currency, EscrowPolicy policy) {
        requireMilestoneId(fieldPrefix + "milestoneId", terms.milestoneId());
        TextInput.required(fieldPrefix + "description", terms.description(), TextInput.DESCRIPTION_MAX_LENGTH,
                "A milestone description");
        requireDeposit(fieldPrefix + "depositAmount", terms.depositAmount(), currency, policy);
        if (terms.dueDate() == null) {
            throw RuleViolation.badRequest(fieldPrefix + "dueDate", "dueDate.required", "A milestone needs a due date.");
        }
    }

    public static void requireMilestoneId(String field, String milestoneId) {
        TextInput.id(field, milestoneId, "A milestone id");
    }

    public static void requireDeposit(String field, Money deposit, String currency, EscrowPolicy policy) {
        if (deposit == null) {
            throw RuleViolation.badRequest(field, "amount.required", "A milestone needs a deposit amount.");
        }
        if (!deposit.currency().equals(currency)) {
            throw RuleViolation.badRequest(field + ".currency", "currency.mismatch",
                    "The deposit is in %s but the contract is paid in %s.".formatted(deposit.currency(), currency));
        }
        if (!deposit.isPositive()) {
            throw RuleViolation.badRequest(field + ".amount", "amount.positive",
                    "A deposit must be more than zero; %s was given.".formatted(deposit));
        }
        BigDecimal minimumAmount = policy.minimumMilestoneAmount();
        if (deposit.amount().compareTo(minimumAmount) < 0) {
            throw RuleViolation.badRequest(field + ".amount", "amount.minimum",
                    "A milestone must be at least %s %s; %s was given."
                            .formatted(minimumAmount.toPlainString(), currency, deposit));
        }
        requireAtMostMaximum(field, deposit, policy);
    }

    /** Every amount a client commits in one step is bounded by the policy's maximum. */
    public static void requireAtMostMaximum(String field, Money amount, EscrowPolicy policy) {
        BigDecimal maximumAmount = policy.maximumMilestoneAmount();
        if (amount.amount().compareTo(maximumAmount) > 0) {
            throw RuleViolation.badRequest(field + ".amount", "amount.maximum",
                    "An amount can be at most %s %s; %s was given."
                            .formatted(maximumAmount.toPlainString(), amount.currency(), amount));
        }
    }
}
