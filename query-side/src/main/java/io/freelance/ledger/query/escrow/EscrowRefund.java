package io.freelance.ledger.query.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.escrow.RefundReason;
import java.time.Instant;

/** The refund of escrowed money at contract end, as far as it has got. */
public record EscrowRefund(
        Money amount,
        RefundStatus status,
        Instant requestedAt,
        Instant dueAt,
        Instant disputedAt,
        String disputeReason,
        Instant refundedAt,
        RefundReason reason) {

    public static EscrowRefund requested(Money amount, Instant requestedAt, Instant dueAt) {
        return new EscrowRefund(amount, RefundStatus.REQUESTED, requestedAt, dueAt, null, null, null, null);
    }

    /** A refund nobody asked for ahead, such as the freelancer ending the contract. */
    public static EscrowRefund unrequested() {
        return new EscrowRefund(null, null, null, null, null, null, null, null);
    }

    public EscrowRefund disputed(String disputeReasonText, Instant at) {
        return new EscrowRefund(amount, RefundStatus.DISPUTED, requestedAt, dueAt, at, disputeReasonText, refundedAt, reason);
    }

    /** The dispute desk's decision on a disputed refund: {@code refundedAmount} went back to the client. */
    public EscrowRefund settled(Money refundedAmount, Instant at) {
        return new EscrowRefund(refundedAmount, RefundStatus.SETTLED, requestedAt, dueAt, disputedAt, disputeReason, at, reason);
    }

    public EscrowRefund refunded(Money refundedAmount, RefundReason refundReason, Instant at) {
        return new EscrowRefund(refundedAmount, RefundStatus.REFUNDED, requestedAt, dueAt, disputedAt, disputeReason, at, refundReason);
    }
}
