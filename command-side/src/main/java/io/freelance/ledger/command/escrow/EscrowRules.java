package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.escrow.MilestoneStatus;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks of escrow commands that need no more of the account's state than they are given. */
final class EscrowRules {

    private EscrowRules() {
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

    static void requireNotFunded(Milestone milestone, String pastParticiple) {
        if (milestone.wasFunded()) {
            throw RuleViolation.conflict("milestoneId", "milestone.funded",
                    "Milestone '%s' has been funded; only unfunded milestones can be %s."
                            .formatted(milestone.id(), pastParticiple));
        }
    }

    static void requireStatus(Milestone milestone, Set<MilestoneStatus> allowed, String pastParticiple) {
        if (!allowed.contains(milestone.status())) {
            List<String> allowedNames = allowed.stream().map(EscrowRules::describe).toList();
            throw RuleViolation.conflict("milestoneId", "milestone.state",
                    "Milestone '%s' is %s; only %s milestones can be %s.".formatted(milestone.id(),
                            describe(milestone.status()), String.join(" or ", allowedNames), pastParticiple));
        }
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

    static void requireReleasable(Milestone milestone, Money releaseAmount) {
        if (releaseAmount.compareTo(milestone.deposit()) > 0) {
            throw RuleViolation.badRequest("releaseAmount.amount", "amount.exceeds-funded",
                    "Milestone '%s' holds %s in escrow; %s cannot be released from it."
                            .formatted(milestone.id(), milestone.deposit(), releaseAmount));
        }
    }

    static void requireSystem(Actor actor) {
        if (actor.role() != Role.SYSTEM) {
            throw RuleViolation.forbidden("contractId", "escrow.system-only",
                    "Escrow accounts are closed by the service when their contract ends.");
        }
    }

    private static String describe(MilestoneStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
