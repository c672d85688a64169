package io.freelance.ledger.command.diary;

import io.freelance.ledger.command.contract.ContractStanding;
import io.freelance.ledger.command.invoice.IssueInvoiceCommand;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.diary.AssessedCell;
import io.freelance.ledger.diary.CellProtection;
import io.freelance.ledger.diary.DiaryCell;
import io.freelance.ledger.invoice.HourlyBilling;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What a locked week bills: its cells within the weekly limit that holds for it (tracked and manual alike),
 * each with its protection, at the contract's hourly rate. Cells above the limit are overtime and are not
 * billed. A week whose billable time costs nothing (no such cells, or an amount below the smallest unit of
 * the currency) issues no invoice.
 */
record WeekBill(String contractId, LocalDate weekStart, Money hourlyRate, List<InvoicedCell> billed, int overtimeCells) {

    static WeekBill of(String contractId, LocalDate weekStart, Collection<DiaryCell> cells, ContractStanding contract,
                       CellProtection protection) {
        List<AssessedCell> assessed = protection.assessWeek(cells, contract.weeklyLimits().limitForWeek(weekStart));
        List<InvoicedCell> billed = assessed.stream()
                .filter(AssessedCell::isBillable)
                .map(cell -> new InvoicedCell(cell.cell().cellDateTime(), cell.cell().manual(), cell.unprotectedReasons()))
                .toList();
        return new WeekBill(contractId, weekStart, contract.hourlyTerms().hourlyRate(), billed, assessed.size() - billed.size());
    }

    boolean isInvoiced() {
        return HourlyBilling.amountFor(hourlyRate, billed.size()).isPositive();
    }

    String invoiceId() {
        return isInvoiced() ? InvoiceId.forWeek(contractId, weekStart) : null;
    }

    IssueInvoiceCommand issueCommand(String workDiaryId, ContractStanding contract) {
        return new IssueInvoiceCommand(invoiceId(), contractId, contract.parties().clientId(),
                contract.parties().freelancerId(), workDiaryId, weekStart, hourlyRate, billed, overtimeCells);
    }
}
