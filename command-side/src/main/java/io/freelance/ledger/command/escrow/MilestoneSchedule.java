package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestonesReorderedEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;

/**
 * The ordered milestones of one escrow account, an entity of it: it keeps their order and which ids are
 * taken, and Axon passes each milestone's own commands through it to the {@link Milestone}.
 */
final class MilestoneSchedule {

    @AggregateMember
    private final List<Milestone> milestones = new ArrayList<>();
    /** Ids of deleted milestones stay taken, so a late retry of an add cannot bring one back. */
    private final Set<String> deletedIds = new HashSet<>();
    private final String escrowAccountId;
    private final String contractId;
    private final String currency;

    MilestoneSchedule(EscrowAccountOpenedEvent opened) {
        this.escrowAccountId = opened.escrowAccountId();
        this.contractId = opened.contractId();
        this.currency = opened.currency();
        opened.milestones().forEach(this::add);
    }

    Optional<Milestone> find(String milestoneId) {
        return milestones.stream().filter(milestone -> milestone.id().equals(milestoneId)).findFirst();
    }

    Milestone require(String milestoneId) {
        return find(milestoneId).orElseThrow(() -> RuleViolation.notFound("milestoneId", "milestone.not-found",
                "This contract has no milestone '%s'.".formatted(milestoneId)));
    }

    /** A milestone an event names: the history only names milestones it has. */
    Milestone recorded(String milestoneId) {
        return find(milestoneId).orElseThrow(() -> new IllegalStateException("No milestone " + milestoneId));
    }

    int size() {
        return milestones.size();
    }

    List<String> ids() {
        return milestones.stream().map(Milestone::id).toList();
    }

    /** Adding these terms again is a retry: the schedule already has them, under their id. */
    boolean alreadyHas(MilestoneTerms terms) {
        return find(terms.milestoneId()).filter(milestone -> milestone.terms().equals(terms)).isPresent();
    }

    void requireFreeId(String milestoneId) {
        if (find(milestoneId).isPresent() || deletedIds.contains(milestoneId)) {
            throw RuleViolation.conflict("milestoneId", "milestoneId.taken",
                    "Milestone id '%s' is already taken on this contract, by other terms or a deleted milestone."
                            .formatted(milestoneId));
        }
    }

    void requireRoomForAnother() {
        if (milestones.size() >= MilestoneTermsRules.MAXIMUM_MILESTONES) {
            throw RuleViolation.conflict("milestoneId", "milestones.too-many",
                    "A contract can have at most %d milestones.".formatted(MilestoneTermsRules.MAXIMUM_MILESTONES));
        }
    }

    /** Each milestone is funded once, and only one milestone's money is in escrow at a time. */
    void requireFundable(Milestone milestone) {
        if (milestone.wasFunded()) {
            throw RuleViolation.conflict("milestoneId", "milestone.already-funded",
                    "Milestone '%s' has already been funded.".formatted(milestone.id()));
        }
        Optional<Milestone> active = openMilestones().stream().findFirst();
        if (active.isPresent()) {
            throw RuleViolation.conflict("milestoneId", "milestone.one-active",
                    "Milestone '%s' is still funded and open; only one milestone can be active at a time."
                            .formatted(active.get().id()));
        }
    }

    /** The part of the escrow balance that belongs to open milestones; the rest is unallocated. */
    Money allocated() {
        return openMilestones().stream().map(Milestone::deposit).reduce(Money.zero(currency), Money::plus);
    }

    /** The milestones whose money is in escrow and not yet settled; the rules allow one at a time. */
    List<Milestone> openMilestones() {
        return milestones.stream().filter(Milestone::isFundedAndOpen).toList();
    }

    /** Open milestones whose deposit no dispute holds: what a refund at contract end covers. */
    List<Milestone> undisputedOpenMilestones() {
        return openMilestones().stream().filter(milestone -> !milestone.isDisputed()).toList();
    }

    /** The deposits open disputes hold in escrow: no refund at contract end takes them. */
    Money heldByDisputes() {
        return openMilestones().stream().filter(Milestone::isDisputed).map(Milestone::deposit)
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

    @EventSourcingHandler
    void on(MilestoneAddedEvent event) {
        add(event.milestone());
    }

    @EventSourcingHandler
    void on(MilestonesReorderedEvent event) {
        List<Milestone> reordered = event.milestoneIds().stream().map(this::recorded).toList();
        milestones.clear();
        milestones.addAll(reordered);
    }

    @EventSourcingHandler
    void on(MilestoneDeletedEvent event) {
        milestones.removeIf(milestone -> milestone.id().equals(event.milestoneId()));
        deletedIds.add(event.milestoneId());
    }

    private void add(MilestoneTerms terms) {
        milestones.add(new Milestone(escrowAccountId, contractId, currency, terms));
    }
}
