package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.contract.MilestoneTerms;

/** Checks of escrow commands that need no more of the account's state than they are given. */
final class EscrowRules {

    private EscrowRules() {
    }

    /** The terms an added milestone needs before anything else is checked: present, with a valid id. */
    static MilestoneTerms requireMilestoneTerms(MilestoneTerms terms) {
        if (terms == null) {
            throw RuleViolation.badRequest("milestone", "milestone.required", "The milestone to add is missing.");
        }
        MilestoneTermsRules.requireMilestoneId("milestoneId", terms.milestoneId());
        return terms;
    }

    static String requireMilestoneId(String milestoneId) {
        MilestoneTermsRules.requireMilestoneId("milestoneId", milestoneId);
        return milestoneId;
    }

    /** The id derived from the caller's idempotency key, reported under the key's name. */
    static String requireIdempotencyId(String idempotencyId) {
        return TextInput.required("idempotencyKey", idempotencyId, TextInput.ID_MAX_LENGTH,
                "An idempotency key (so a retry cannot pay twice)");
    }

    /** Null is allowed: the command then means "the default" (the full deposit, no bonus). */
    static void requireAmountIn(String currency, String field, Money amount, EscrowPolicy policy) {
        if (amount == null) {
            return;
        }
        if (!amount.currency().equals(currency)) {
            throw RuleViolation.badRequest(field + ".currency", "currency.mismatch",
                    "The amount is in %s but the contract is paid in %s.".formatted(amount.currency(), currency));
        }
        if (!amount.isPositive()) {
            throw RuleViolation.badRequest(field + ".amount", "amount.positive",
                    "The amount must be more than zero; %s was given.".formatted(amount));
        }
        MilestoneTermsRules.requireAtMostMaximum(field, amount, policy);
    }

    static void requireSystem(Actor actor) {
        if (actor.role() != Role.SYSTEM) {
            throw RuleViolation.forbidden("contractId", "escrow.system-only",
                    "Escrow accounts are closed by the service when their contract ends.");
        }
    }
}
