package io.freelance.ledger.query.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.MilestoneStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * One milestone of a fixed-price contract as the read model shows it. Immutable: each transition
 * returns the next row. {@code position} counts from 1 in the schedule's order.
 */
public record MilestoneRow(
        String id,
        int position,
        String description,
        Money depositAmount,
        LocalDate dueDate,
        MilestoneStatus status,
        Money currentEscrowAmount,
        Money releasedAmount,
        Money bonusAmount,
        int submissions,
        String lastSubmissionNote,
        Instant lastSubmittedAt,
        Instant autoReleaseAt,
        String changesRequestedMessage,
        Instant fundedAt,
        Instant releasedAt,
        Instant refundedAt) {

    public static MilestoneRow offered(MilestoneTerms terms, int position) {
        Money zero = Money.zero(terms.depositAmount().currency());
        return new MilestoneRow(terms.milestoneId(), position, terms.description(), terms.depositAmount(),
                terms.dueDate(), MilestoneStatus.NOT_FUNDED, zero, zero, zero, 0,
                null, null, null, null, null, null, null);
    }

    public MilestoneRow at(int newPosition) {
        return with(row -> row.position = newPosition);
    }

    public MilestoneRow edited(MilestoneTerms terms) {
        return with(row -> {
            row.description = terms.description();
            row.depositAmount = terms.depositAmount();
            row.dueDate = terms.dueDate();
        });
    }

    public MilestoneRow funded(Money deposit, Instant at) {
        return with(row -> {
            row.status = MilestoneStatus.ACTIVE;
            row.depositAmount = deposit;
            row.currentEscrowAmount = deposit;
            row.fundedAt = at;
        });
    }

    public MilestoneRow submitted(int submissionNumber, String note, Instant at, Instant autoReleaseDueAt) {
        return with(row -> {
            row.status = MilestoneStatus.SUBMITTED;
            row.submissions = submissionNumber;
            row.lastSubmissionNote = note;
            row.lastSubmittedAt = at;
            row.autoReleaseAt = autoReleaseDueAt;
        });
    }

    public MilestoneRow changesRequested(String message) {
        return with(row -> {
            row.status = MilestoneStatus.CHANGES_REQUESTED;
            row.changesRequestedMessage = message;
            row.autoReleaseAt = null;
        });
    }

    public MilestoneRow released(Money released, Instant at) {
        return with(row -> {
            row.status = MilestoneStatus.RELEASED;
            row.currentEscrowAmount = Money.zero(released.currency());
            row.releasedAmount = released;
            row.releasedAt = at;
            row.autoReleaseAt = null;
        });
    }

    public MilestoneRow refunded(Instant at) {
        return with(row -> {
            row.status = MilestoneStatus.REFUNDED;
            row.currentEscrowAmount = Money.zero(currentEscrowAmount.currency());
            row.refundedAt = at;
            row.autoReleaseAt = null;
        });
    }

    public MilestoneRow bonusPaid(Money bonus) {
        return with(row -> row.bonusAmount = row.bonusAmount.plus(bonus));
    }

    private MilestoneRow with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.toRow();
    }

    /** A mutable copy, so each transition names only the fields it changes. */
    private static final class Draft {
        private final String id;
        private int position;
        private String description;
        private Money depositAmount;
        private LocalDate dueDate;
        private MilestoneStatus status;
        private Money currentEscrowAmount;
        private Money releasedAmount;
        private Money bonusAmount;
        private int submissions;
        private String lastSubmissionNote;
        private Instant lastSubmittedAt;
        private Instant autoReleaseAt;
        private String changesRequestedMessage;
        private Instant fundedAt;
        private Instant releasedAt;
        private Instant refundedAt;

        private Draft(MilestoneRow row) {
            id = row.id;
            position = row.position;
            description = row.description;
            depositAmount = row.depositAmount;
            dueDate = row.dueDate;
            status = row.status;
            currentEscrowAmount = row.currentEscrowAmount;
            releasedAmount = row.releasedAmount;
            bonusAmount = row.bonusAmount;
            submissions = row.submissions;
            lastSubmissionNote = row.lastSubmissionNote;
            lastSubmittedAt = row.lastSubmittedAt;
            autoReleaseAt = row.autoReleaseAt;
            changesRequestedMessage = row.changesRequestedMessage;
            fundedAt = row.fundedAt;
            releasedAt = row.releasedAt;
            refundedAt = row.refundedAt;
        }

        private MilestoneRow toRow() {
            return new MilestoneRow(id, position, description, depositAmount, dueDate, status,
                    currentEscrowAmount, releasedAmount, bonusAmount, submissions, lastSubmissionNote,
                    lastSubmittedAt, autoReleaseAt, changesRequestedMessage, fundedAt, releasedAt, refundedAt);
        }
    }
}
