package io.freelance.ledger.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A week of an hourly contract is invoiced and the client charged (DESIGN §4, §5): {@code amount} (billed
 * hours × rate) plus the marketplace fee leave the client's charges, the amount is held in the contract's
 * escrow during the client's review, the fee goes to the platform.
 *
 * @param periodStart    Monday 00:00 UTC of the invoiced week
 * @param periodEnd      the following Monday 00:00 UTC, not included
 * @param billableCells  10-minute cells billed: tracked and manual time within the weekly limit
 * @param billableHours  {@code billableCells} in hours, to two decimals, for reading
 * @param overtimeCells  cells above the weekly limit: recorded, shown, not billed
 * @param cells          every billed cell, in time order, with its protection as the locked week had it
 * @param totalCharged   {@code amount} plus {@code marketplaceFee}: what left the client's charges
 * @param reviewEndsAt   Friday 23:59:59 UTC of the invoicing week: the last moment to dispute or approve
 */
public record InvoiceIssuedEvent(
        String invoiceId,
        String invoiceNumber,
        String contractId,
        String clientId,
        String freelancerId,
        String workDiaryId,
        LocalDate weekStart,
        Instant periodStart,
        Instant periodEnd,
        Money hourlyRate,
        int billableCells,
        BigDecimal billableHours,
        int overtimeCells,
        List<InvoiceLine> lines,
        List<InvoicedCell> cells,
        Money amount,
        Money marketplaceFee,
        Money totalCharged,
        JournalEntry journalEntry,
        Instant issuedAt,
        Instant reviewEndsAt) implements MoneyMovement {

    public InvoiceIssuedEvent {
        lines = List.copyOf(lines);
        cells = List.copyOf(cells);
    }
}
