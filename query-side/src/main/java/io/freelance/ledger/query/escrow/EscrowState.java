package io.freelance.ledger.query.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.BonusPaidEvent;
import io.freelance.ledger.escrow.EscrowAccountClosedEvent;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.EscrowDisputeSettledEvent;
import io.freelance.ledger.escrow.EscrowRefundDisputedEvent;
import io.freelance.ledger.escrow.EscrowRefundRequestedEvent;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.MilestoneSubmittedEvent;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An escrow account as its read model keeps it: the milestones and the escrow summary.
 * Only escrow events change it, one at a time in the escrow account's order, so a transition may
 * read the whole state and write it back without racing the contract's own events.
 */
public record EscrowState(String contractId, List<MilestoneRow> milestones, EscrowSummary escrow) {

    public EscrowState {
        milestones = List.copyOf(milestones);
    }

    public static EscrowState opened(EscrowAccountOpenedEvent event) {
        List<MilestoneRow> rows = event.milestones().stream().map(terms -> MilestoneRow.offered(terms, 0)).toList();
        return new EscrowState(event.contractId(), numbered(rows), EscrowSummary.opened(event.currency(), event.openedAt()));
    }

    public EscrowState milestoneAdded(MilestoneTerms terms) {
        List<MilestoneRow> rows = new ArrayList<>(milestones);
        rows.removeIf(row -> row.id().equals(terms.milestoneId()));
        rows.add(MilestoneRow.offered(terms, 0));
        return withMilestones(numbered(rows));
    }

    public EscrowState milestoneEdited(MilestoneTerms terms) {
        return changeMilestone(terms.milestoneId(), row -> row.edited(terms));
    }

    public EscrowState milestoneDeleted(String milestoneId) {
        List<MilestoneRow> rows = milestones.stream().filter(row -> !row.id().equals(milestoneId)).toList();
        return withMilestones(numbered(rows));
    }

    /** Milestones the new order leaves out keep their relative order after the listed ones. */
    public EscrowState reordered(List<String> milestoneIds) {
        Map<String, MilestoneRow> byId = new LinkedHashMap<>();
        milestones.forEach(row -> byId.put(row.id(), row));
        List<MilestoneRow> rows = new ArrayList<>();
        for (String milestoneId : milestoneIds) {
            MilestoneRow row = byId.remove(milestoneId);
            if (row != null) {
                rows.add(row);
            }
        }
        rows.addAll(byId.values());
        return withMilestones(numbered(rows));
    }

    public EscrowState funded(MilestoneFundedEvent event) {
        return changeMilestone(event.milestoneId(), row -> row.funded(event.depositAmount(), event.fundedAt()))
                .holdingChangedBy(event.journalEntry());
    }

    public EscrowState submitted(MilestoneSubmittedEvent event) {
        return changeMilestone(event.milestoneId(),
                row -> row.submitted(event.submissionNumber(), event.note(), event.submittedAt(), event.autoReleaseAt()));
    }

    public EscrowState changesRequested(String milestoneId, String message) {
        return changeMilestone(milestoneId, row -> row.changesRequested(message));
    }

    public EscrowState released(MilestoneReleasedEvent event) {
        return changeMilestone(event.milestoneId(), row -> row.released(event.releasedAmount(), event.releasedAt()))
                .holdingChangedBy(event.journalEntry());
    }

    public EscrowState bonusPaid(BonusPaidEvent event) {
        return changeMilestone(event.milestoneId(), row -> row.bonusPaid(event.bonus()));
    }

    public EscrowState refundRequested(EscrowRefundRequestedEvent event) {
        return withEscrow(openEscrow().withRefund(
                EscrowRefund.requested(event.amount(), event.requestedAt(), event.refundDueAt())));
    }

    public EscrowState refundDisputed(EscrowRefundDisputedEvent event) {
        EscrowRefund refund = openEscrow().refund() == null ? EscrowRefund.requested(event.amount(), null, null) : escrow.refund();
        return withEscrow(escrow.withRefund(refund.disputed(event.reason(), event.disputedAt())));
    }

    public EscrowState refunded(EscrowRefundedEvent event) {
        Set<String> covered = new HashSet<>(event.milestoneIds());
        List<MilestoneRow> rows = milestones.stream()
                .map(row -> covered.contains(row.id()) ? row.refunded(event.refundedAt()) : row)
                .toList();
        EscrowRefund refund = openEscrow().refund() == null ? EscrowRefund.unrequested() : escrow.refund();
        EscrowSummary withRefund = escrow.withRefund(refund.refunded(event.amount(), event.reason(), event.refundedAt()));
        return new EscrowState(contractId, rows, withRefund).holdingChangedBy(event.journalEntry());
    }

    /**
     * The dispute desk paid out the disputed money: each covered milestone shows as released with the freelancer's
     * share, or as refunded when the client got all of it.
     */
    public EscrowState disputeSettled(EscrowDisputeSettledEvent event) {
        Set<String> covered = new HashSet<>(event.milestoneIds());
        boolean released = event.releasedAmount().isPositive();
        List<MilestoneRow> rows = milestones.stream()
                .map(row -> !covered.contains(row.id()) ? row
                        : released ? row.released(event.releasedAmount(), event.settledAt()) : row.refunded(event.settledAt()))
                .toList();
        EscrowSummary summary = escrow;
        if (summary != null && summary.refund() != null && summary.refund().status() == RefundStatus.DISPUTED) {
            // A decided refund dispute: the refund is over, with what the client got back.
            summary = summary.withRefund(summary.refund().settled(event.refundedAmount(), event.settledAt()));
        }
        return new EscrowState(contractId, rows, summary).holdingChangedBy(event.journalEntry());
    }

    public EscrowState closed(EscrowAccountClosedEvent event) {
        return withEscrow(openEscrow().closed(event.closedAt()));
    }

    /**
     * Moves the held amount by the entry's leg on this contract's escrow account, so the summary
     * follows the ledger exactly; the unallocated part is what no open milestone claims. A null entry
     * moved no money (a milestone paid from what escrow already held): only the claims change.
     */
    private EscrowState holdingChangedBy(JournalEntry entry) {
        EscrowSummary current = openEscrow();
        String currency = current.currentEscrowAmount().currency();
        Money held = entry == null
                ? current.currentEscrowAmount()
                : current.currentEscrowAmount().plus(entry.amountOn(LedgerAccounts.escrow(contractId), currency));
        Money claimed = milestones.stream()
                .filter(row -> row.status().isFundedAndOpen())
                .map(MilestoneRow::currentEscrowAmount)
                .reduce(Money.zero(currency), Money::plus);
        return withEscrow(current.holding(held, held.minus(claimed)));
    }

    private EscrowState changeMilestone(String milestoneId, UnaryOperator<MilestoneRow> change) {
        boolean found = milestones.stream().anyMatch(row -> row.id().equals(milestoneId));
        if (!found) {
            throw new IllegalStateException("Milestone " + milestoneId + " is not part of contract " + contractId);
        }
        return withMilestones(milestones.stream().map(row -> row.id().equals(milestoneId) ? change.apply(row) : row).toList());
    }

    private EscrowSummary openEscrow() {
        if (escrow == null) {
            throw new IllegalStateException("Escrow event for contract " + contractId + " before its escrow account opened");
        }
        return escrow;
    }

    private EscrowState withMilestones(List<MilestoneRow> rows) {
        return new EscrowState(contractId, rows, escrow);
    }

    private EscrowState withEscrow(EscrowSummary summary) {
        return new EscrowState(contractId, milestones, summary);
    }

    private static List<MilestoneRow> numbered(List<MilestoneRow> rows) {
        List<MilestoneRow> numbered = new ArrayList<>(rows.size());
        for (int index = 0; index < rows.size(); index++) {
            numbered.add(rows.get(index).at(index + 1));
        }
        return numbered;
    }
}
