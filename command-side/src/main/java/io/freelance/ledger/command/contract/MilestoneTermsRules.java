package io.freelance.ledger.command.contract;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.MilestoneTerms;
import java.math.BigDecimal;

/**
 * What makes milestone terms acceptable, whether they arrive with an offer or are added to the escrow
 * schedule later. {@code fieldPrefix} locates the terms in the caller's input: {@code milestones[1].}
 * inside an offer, empty where the milestone is the whole input.
 */
public final class MilestoneTermsRules {

    public static final int MAXIMUM_MILESTONES = MilestoneTerms.MAXIMUM_PER_CONTRACT;
    public static final int DESCRIPTION_MAX_LENGTH = 500;
    public static final int MILESTONE_ID_MAX_LENGTH = 100;

    private MilestoneTermsRules() {
    }

    public static void requireValid(String fieldPrefix, MilestoneTerms terms, String currency, BigDecimal minimumAmount) {
        requireMilestoneId(fieldPrefix + "milestoneId", terms.milestoneId());
        TextInput.required(fieldPrefix + "description", terms.description(), DESCRIPTION_MAX_LENGTH,
                "A milestone description");
        requireDeposit(fieldPrefix + "depositAmount", terms.depositAmount(), currency, minimumAmount);
        if (terms.dueDate() == null) {
            throw RuleViolation.badRequest(fieldPrefix + "dueDate", "dueDate.required", "A milestone needs a due date.");
        }
    }

    public static void requireMilestoneId(String field, String milestoneId) {
        TextInput.required(field, milestoneId, MILESTONE_ID_MAX_LENGTH, "A milestone id");
    }

    public static void requireDeposit(String field, Money deposit, String currency, BigDecimal minimumAmount) {
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
        if (deposit.amount().compareTo(minimumAmount) < 0) {
            throw RuleViolation.badRequest(field + ".amount", "amount.minimum",
                    "A milestone must be at least %s %s; %s was given."
                            .formatted(minimumAmount.toPlainString(), currency, deposit));
        }
    }
}
