package io.freelance.ledger.escrow;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;

/**
 * Escrow paid the freelancer for the milestone (less the service fee) into their pending balance,
 * available after the security period. {@code remainderInEscrow} stays in escrow for the next
 * milestone or a refund at contract end.
 * <p>
 * An approval carries {@code idempotencyId}, standing for the client's idempotency key, and
 * {@code idempotencyFingerprint}, a digest of the approval's arguments, so a retry with the same key is
 * told from a different approval under it; an automatic release has neither. Events stored before these
 * names carry the id as {@code requestId} and no fingerprint.
 */
public record MilestoneReleasedEvent(
        String escrowAccountId,
        String contractId,
        String milestoneId,
        String freelancerId,
        ReleaseReason reason,
        @JsonAlias("requestId") String idempotencyId,
        String idempotencyFingerprint,
        Money releasedAmount,
        Money serviceFee,
        Money remainderInEscrow,
        String note,
        JournalEntry journalEntry,
        Instant releasedAt,
        Instant availableAt) implements MoneyMovement {
}
