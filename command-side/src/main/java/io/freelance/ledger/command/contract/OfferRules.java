package io.freelance.ledger.command.contract;

import io.freelance.ledger.command.escrow.MilestoneTermsRules;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What an offer must satisfy before a contract exists. */
final class OfferRules {

    static final int HOURS_IN_A_WEEK = 168;

    private OfferRules() {
    }

    /** Clients make offers, and only in their own name. */
    static void requireOfferedByNamedClient(Actor actor, String clientId) {
        if (actor.role() != Role.CLIENT || !actor.userId().equals(clientId)) {
            throw RuleViolation.forbidden("clientId", "offer.client-only",
                    "Only the client named on an offer can make it.");
        }
    }

    static void requireParties(String contractId, String clientId, String freelancerId) {
        TextInput.id("contractId", contractId, "A contract id");
        TextInput.id("freelancerId", freelancerId, "The freelancer");
        if (freelancerId.equals(clientId)) {
            throw RuleViolation.badRequest("freelancerId", "freelancerId.same-as-client",
                    "A client cannot offer a contract to themselves.");
        }
    }

    static String requireTitle(String title) {
        return TextInput.required("title", title, TextInput.TITLE_MAX_LENGTH, "A contract title");
    }

    static void requireMilestones(List<MilestoneTerms> milestones, String currency, EscrowPolicy policy) {
        if (milestones == null || milestones.isEmpty()) {
            throw RuleViolation.badRequest("milestones", "milestones.required",
                    "A fixed-price contract needs at least one milestone.");
        }
        if (milestones.size() > MilestoneTermsRules.MAXIMUM_MILESTONES) {
            throw RuleViolation.badRequest("milestones", "milestones.too-many",
                    "A contract can have at most %d milestones; %d were given."
                            .formatted(MilestoneTermsRules.MAXIMUM_MILESTONES, milestones.size()));
        }
        Set<String> seenIds = new HashSet<>();
        for (int index = 0; index < milestones.size(); index++) {
            String prefix = "milestones[%d]".formatted(index);
            MilestoneTerms terms = milestones.get(index);
            if (terms == null) {
                throw RuleViolation.badRequest(prefix, "milestone.required", "Milestone %d is empty.".formatted(index + 1));
            }
            MilestoneTermsRules.requireValid(prefix + ".", terms, currency, policy);
            if (!seenIds.add(terms.milestoneId())) {
                throw RuleViolation.badRequest(prefix + ".milestoneId", "milestoneId.duplicate",
                        "Milestone id '%s' is used twice.".formatted(terms.milestoneId()));
            }
        }
    }

    static void requireHourlyTerms(HourlyTerms terms, EscrowPolicy policy) {
        if (terms == null) {
            throw RuleViolation.badRequest("hourlyRate", "amount.required", "An hourly contract needs an hourly rate.");
        }
        Money rate = terms.hourlyRate();
        if (rate == null) {
            throw RuleViolation.badRequest("hourlyRate", "amount.required", "An hourly contract needs an hourly rate.");
        }
        Money.knownCurrency("hourlyRate.currency", rate.currency());
        if (!rate.isPositive()) {
            throw RuleViolation.badRequest("hourlyRate.amount", "amount.positive",
                    "The hourly rate must be more than zero; %s was given.".formatted(rate));
        }
        MilestoneTermsRules.requireAtMostMaximum("hourlyRate", rate, policy);
        requireWeeklyLimit(terms.weeklyLimitHours());
    }

    /** Null for no limit, or whole hours that fit in a week. */
    static void requireWeeklyLimit(Integer limit) {
        if (limit != null && (limit < 1 || limit > HOURS_IN_A_WEEK)) {
            throw RuleViolation.badRequest("weeklyLimitHours", "weeklyLimitHours.range",
                    "A weekly limit must be between 1 and %d hours, or none; %d was given."
                            .formatted(HOURS_IN_A_WEEK, limit));
        }
    }
}
