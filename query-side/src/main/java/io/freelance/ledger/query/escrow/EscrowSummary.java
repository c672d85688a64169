package io.freelance.ledger.query.escrow;

import io.freelance.ledger.common.Money;
import java.time.Instant;

/**
 * The escrow account of a fixed-price contract. {@code currentEscrowAmount} is all money held;
 * {@code unallocatedAmount} is the part no open milestone claims (a partial approval's remainder),
 * which rolls into the next funding or is refunded at contract end.
 */
public record EscrowSummary(
        EscrowStatus status,
        Money currentEscrowAmount,
        Money unallocatedAmount,
        EscrowRefund refund,
        Instant openedAt,
        Instant closedAt) {

    public static EscrowSummary opened(String currency, Instant openedAt) {
        Money zero = Money.zero(currency);
        return new EscrowSummary(EscrowStatus.OPEN, zero, zero, null, openedAt, null);
    }

    public EscrowSummary holding(Money held, Money unallocated) {
        return new EscrowSummary(status, held, unallocated, refund, openedAt, closedAt);
    }

    public EscrowSummary withRefund(EscrowRefund newRefund) {
        return new EscrowSummary(status, currentEscrowAmount, unallocatedAmount, newRefund, openedAt, closedAt);
    }

    public EscrowSummary closed(Instant at) {
        return new EscrowSummary(EscrowStatus.CLOSED, currentEscrowAmount, unallocatedAmount, refund, openedAt, at);
    }
}
