package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.MilestoneTerms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The ordered milestones of one escrow account. */
final class MilestoneSchedule {

    private final List<Milestone> milestones = new ArrayList<>();
    /** Ids of deleted milestones stay taken, so a late retry of an add cannot bring one back. */
    private final Set<String> deletedIds = new HashSet<>();

    MilestoneSchedule(List<MilestoneTerms> initialTerms) {
        initialTerms.forEach(this::add);
    }

    Optional<Milestone> find(String milestoneId) {
        return milestones.stream().filter(milestone -> milestone.id().equals(milestoneId)).findFirst();
    }

    Milestone require(String milestoneId) {
        return find(milestoneId).orElseThrow(() -> RuleViolation.notFound("milestoneId", "milestone.not-found",
                "This contract has no milestone '%s'.".formatted(milestoneId)));
    }

    boolean wasDeleted(String milestoneId) {
        return deletedIds.contains(milestoneId);
    }

    int size() {
        return milestones.size();
    }

    List<String> ids() {
        return milestones.stream().map(Milestone::id).toList();
    }

    /** The milestone whose money is in escrow and not yet settled; the rules allow one at a time. */
    Optional<Milestone> fundedAndOpen() {
        return milestones.stream().filter(milestone -> milestone.status().isFundedAndOpen()).findFirst();
    }

    /** The part of the escrow balance that belongs to open milestones; the rest is unallocated. */
    Money allocated(String currency) {
        return milestones.stream()
                .filter(milestone -> milestone.status().isFundedAndOpen())
                .map(Milestone::deposit)
                .reduce(Money.zero(currency), Money::plus);
    }

    /**
     * A new order must name every milestone exactly once and leave every milestone that was ever
     * funded where it is: money has moved for it, and the history refers to its place.
     */
    void requireValidOrder(List<String> proposedIds) {
        if (proposedIds == null || proposedIds.size() != milestones.size()
                || !new HashSet<>(proposedIds).equals(new HashSet<>(ids()))) {
            throw RuleViolation.badRequest("milestoneIds", "milestoneIds.permutation",
                    "The new order must list each of the contract's %d milestones exactly once."
                            .formatted(milestones.size()));
        }
        for (int index = 0; index < milestones.size(); index++) {
            Milestone current = milestones.get(index);
            if (current.wasFunded() && !current.id().equals(proposedIds.get(index))) {
                throw RuleViolation.conflict("milestoneIds", "milestone.funded-position",
                        "Milestone '%s' has been funded and must stay at position %d."
                                .formatted(current.id(), index + 1));
            }
        }
    }

    void add(MilestoneTerms terms) {
        milestones.add(Milestone.unfunded(terms));
    }

    void change(String milestoneId, UnaryOperator<Milestone> transition) {
        int index = ids().indexOf(milestoneId);
        if (index < 0) {
            throw new IllegalStateException("No milestone " + milestoneId + " to change");
        }
        milestones.set(index, transition.apply(milestones.get(index)));
    }

    void remove(String milestoneId) {
        milestones.removeIf(milestone -> milestone.id().equals(milestoneId));
        deletedIds.add(milestoneId);
    }

    void reorder(List<String> orderedIds) {
        List<Milestone> reordered = orderedIds.stream().map(id -> find(id).orElseThrow()).toList();
        milestones.clear();
        milestones.addAll(reordered);
    }

    List<Milestone> openMilestones() {
        return milestones.stream().filter(milestone -> milestone.status().isFundedAndOpen()).toList();
    }
}
