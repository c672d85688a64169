package io.freelance.ledger.command.invoice;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.invoice.HourlyBilling;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What an issue command must hold. Only the service issues invoices, from a locked diary, so a failure here
 * is a fault of the service rather than of a person; it is refused all the same, naming the field, so no
 * invoice can be issued for a week it does not match.
 */
final class InvoiceIssueRules {

    private InvoiceIssueRules() {
    }

    static void requireService(Actor actor) {
        if (actor.role() != Role.SYSTEM) {
            throw RuleViolation.forbidden("invoiceId", "invoice.service-only",
                    "Invoices are issued by the service when a week of the Work Diary locks.");
        }
    }

    /** @return the billed cells in time order */
    static List<InvoicedCell> requireValid(IssueInvoiceCommand command) {
        if (command.weekStart() == null || command.weekStart().getDayOfWeek() != DayOfWeek.MONDAY) {
            throw RuleViolation.badRequest("weekStart", "weekStart.monday", "An invoiced week starts on a Monday.");
        }
        if (command.contractId() == null || !InvoiceId.forWeek(command.contractId(), command.weekStart()).equals(command.invoiceId())) {
            throw RuleViolation.badRequest("invoiceId", "invoiceId.week",
                    "An invoice's id names its contract and week; %s does not.".formatted(command.invoiceId()));
        }
        if (command.hourlyRate() == null || !command.hourlyRate().isPositive()) {
            throw RuleViolation.badRequest("hourlyRate", "amount.positive", "An invoice bills at a positive hourly rate.");
        }
        List<InvoicedCell> cells = command.cells().stream().sorted(Comparator.comparing(InvoicedCell::cellDateTime)).toList();
        requireCellsOfTheWeek(cells, UtcWeek.startOf(command.weekStart()));
        if (HourlyBilling.amountFor(command.hourlyRate(), cells.size()).isZero()) {
            throw RuleViolation.badRequest("cells", "cells.amount", "The billed cells cost less than the smallest unit of "
                    + command.hourlyRate().currency() + "; a week with nothing to charge issues no invoice.");
        }
        return cells;
    }

    private static void requireCellsOfTheWeek(List<InvoicedCell> cells, Instant weekStart) {
        if (cells.isEmpty()) {
            throw RuleViolation.badRequest("cells", "cells.required", "An invoice bills at least one cell.");
        }
        Instant weekEnd = weekStart.plus(UtcWeek.LENGTH);
        Instant previous = null;
        for (InvoicedCell cell : cells) {
            Instant time = DiaryInput.cellStart("cells", cell.cellDateTime());
            if (time.isBefore(weekStart) || !time.isBefore(weekEnd)) {
                throw RuleViolation.badRequest("cells", "cells.in-week", "The cell at %s lies outside the invoiced week."
                        .formatted(time));
            }
            if (time.equals(previous)) {
                throw RuleViolation.badRequest("cells", "cells.duplicate", "The cell at %s is billed twice.".formatted(time));
            }
            previous = time;
        }
    }
}
