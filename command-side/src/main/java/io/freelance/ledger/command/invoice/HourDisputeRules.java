package io.freelance.ledger.command.invoice;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of hour-dispute commands that need no more of the invoice than they are given. */
final class HourDisputeRules {

    private HourDisputeRules() {
    }

    /**
     * Cell times as a dispute names them: each a cell start, none twice, at most a week's worth; returned in
     * time order. {@code required}: at least one.
     */
    static List<Instant> cellTimes(String field, List<Instant> given, boolean required) {
        if (given == null || given.isEmpty()) {
            if (required) {
                throw RuleViolation.badRequest(field, field + ".required", "Name at least one disputed cell by its cellDateTime.");
            }
            return List.of();
        }
        if (given.size() > DiaryInput.CELLS_PER_WEEK) {
            throw RuleViolation.badRequest(field, field + ".too-many",
                    "A week has at most %d cells; %d were named.".formatted(DiaryInput.CELLS_PER_WEEK, given.size()));
        }
        Set<Instant> seen = new HashSet<>();
        List<Instant> cells = new ArrayList<>(given.size());
        for (int index = 0; index < given.size(); index++) {
            String cellField = "%s[%d]".formatted(field, index);
            Instant cell = DiaryInput.cellStart(cellField, given.get(index));
            if (!seen.add(cell)) {
                throw RuleViolation.badRequest(cellField, field + ".duplicate",
                        "The cell at %s is named twice.".formatted(cell));
            }
            cells.add(cell);
        }
        return cells.stream().sorted().toList();
    }

    /** Every named cell must be one the invoice bills; the first that is not is reported by its position. */
    static List<InvoicedCell> requireAmong(String field, List<Instant> named, List<Instant> asGiven,
                                           Map<Instant, InvoicedCell> billed, String rule, String notAmong) {
        List<InvoicedCell> found = new ArrayList<>(named.size());
        for (Instant cell : named) {
            InvoicedCell invoiced = billed.get(cell);
            if (invoiced == null) {
                throw RuleViolation.badRequest("%s[%d]".formatted(field, asGiven.indexOf(cell)), field + "." + rule,
                        "The cell at %s is not %s.".formatted(cell, notAmong));
            }
            found.add(invoiced);
        }
        return found;
    }

    /** Protected time is paid whatever the ruling: a handler refunds only unprotected cells. */
    static void requireUnprotected(String field, List<InvoicedCell> refunded, List<Instant> asGiven) {
        for (InvoicedCell cell : refunded) {
            if (cell.isProtected()) {
                throw RuleViolation.badRequest("%s[%d]".formatted(field, asGiven.indexOf(cell.cellDateTime())),
                        field + ".protected", ("The cell at %s is protected (tracked, with screenshot, memo and enough "
                                + "activity, within the weekly limit): protected time is paid even when disputed.")
                                .formatted(cell.cellDateTime()));
            }
        }
    }

    /** Only a dispute handler decides; the parties learn that, outsiders learn nothing. */
    static void requireDisputeHandler(Actor actor, ContractParties parties) {
        if (actor.role() == Role.DISPUTE_HANDLER) {
            return;
        }
        if (actor.role() == Role.CLIENT || actor.role() == Role.FREELANCER) {
            parties.requireParty(actor);
        }
        throw RuleViolation.forbidden("invoiceId", "dispute.handler-only",
                "Only a dispute handler can decide a dispute over hours of contract %s.".formatted(parties.contractId()));
    }

    static String note(String field, String note, boolean required, String what) {
        return required
                ? TextInput.required(field, note, TextInput.NOTE_MAX_LENGTH, what)
                : TextInput.optional(field, note, TextInput.NOTE_MAX_LENGTH, what);
    }
}
