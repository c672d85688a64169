package io.freelance.ledger.command.dispute;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeTerms;

/** The checks on a dispute's input that need no state beyond the disputed amount. */
final class DisputeRules {

    private DisputeRules() {
    }

    /**
     * The settlement as exact amounts. A release or refund moves the whole disputed amount and takes no amounts
     * (so a typo cannot turn it into a split); a split names both, each above zero, together exactly the amount.
     */
    static DisputeTerms terms(DisputeOutcome outcome, Money releaseAmount, Money refundAmount, Money disputed) {
        if (outcome == null) {
            throw RuleViolation.badRequest("outcome", "outcome.required",
                    "Choose RELEASE_TO_FREELANCER, REFUND_TO_CLIENT or SPLIT.");
        }
        Money zero = Money.zero(disputed.currency());
        if (outcome != DisputeOutcome.SPLIT) {
            if (releaseAmount != null || refundAmount != null) {
                throw RuleViolation.badRequest(releaseAmount != null ? "releaseAmount" : "refundAmount",
                        "amount.split-only", "Amounts are given for a SPLIT only; %s moves the whole %s."
                                .formatted(outcome, disputed));
            }
            return outcome == DisputeOutcome.RELEASE_TO_FREELANCER
                    ? new DisputeTerms(outcome, disputed, zero)
                    : new DisputeTerms(outcome, zero, disputed);
        }
        requireSplitAmount("releaseAmount", releaseAmount, disputed);
        requireSplitAmount("refundAmount", refundAmount, disputed);
        if (!releaseAmount.plus(refundAmount).equals(disputed)) {
            throw RuleViolation.badRequest("refundAmount", "split.sum",
                    "%s released and %s refunded add up to %s; a split must add up to the disputed %s exactly."
                            .formatted(releaseAmount, refundAmount, releaseAmount.plus(refundAmount), disputed));
        }
        return new DisputeTerms(outcome, releaseAmount, refundAmount);
    }

    /** Everything to the party who opened the dispute: in fixed-price disputes, always the freelancer. */
    static DisputeTerms forFreelancer(Money disputed) {
        return new DisputeTerms(DisputeOutcome.RELEASE_TO_FREELANCER, disputed, Money.zero(disputed.currency()));
    }

    static void requireHandler(Actor actor, String action) {
        if (actor.role() != Role.DISPUTE_HANDLER) {
            throw RuleViolation.forbidden("disputeId", "dispute.handler-only",
                    "Only a dispute handler can %s.".formatted(action));
        }
    }

    static String reason(String field, String value, boolean required, String what) {
        return required ? TextInput.required(field, value, TextInput.NOTE_MAX_LENGTH, what)
                : TextInput.optional(field, value, TextInput.NOTE_MAX_LENGTH, what);
    }

    private static void requireSplitAmount(String field, Money amount, Money disputed) {
        if (amount == null) {
            throw RuleViolation.badRequest(field, "amount.required", "A split names both amounts.");
        }
        if (!amount.sameCurrencyAs(disputed)) {
            throw RuleViolation.badRequest(field + ".currency", "currency.mismatch",
                    "The disputed money is in %s; %s cannot be part of it.".formatted(disputed.currency(), amount));
        }
        if (!amount.isPositive()) {
            throw RuleViolation.badRequest(field + ".amount", "amount.positive",
                    "Each share of a split is above zero; %s is not (use a release or a refund).".formatted(amount));
        }
    }
}
