package io.freelance.ledger.command.diary;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.diary.DiaryInput;
import java.time.Instant;

/**
 * When cells may be recorded or changed, against the service's clock: not in the future (beyond the
 * tracker clock's allowance), not before the contract started, not in a locked week. All arithmetic is
 * on {@code now}, so a cell time at the edge of the calendar cannot overflow.
 */
final class CellTimeRules {

    private CellTimeRules() {
    }

    /**
     * A cell ending at {@code lastCellStart} + 10 minutes must have ended by {@code now} plus the allowance:
     * its ten minutes of counts exist only then.
     */
    static void requireNotFuture(String field, Instant lastCellStart, Instant now, WorkDiaryPolicy policy) {
        Instant latestAllowedStart = now.plus(policy.clockSkewAllowance()).minus(DiaryInput.CELL_LENGTH);
        if (lastCellStart.isAfter(latestAllowedStart)) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".future",
                    "The cell starting at %s has not ended yet (it is now %s); time is recorded once a cell is over."
                            .formatted(lastCellStart, now));
        }
    }

    /** No cell that ended before the contract was accepted: no work was agreed then. */
    static void requireWithinContract(String field, Instant firstCellStart, Instant acceptedAt) {
        if (!firstCellStart.plus(DiaryInput.CELL_LENGTH).isAfter(acceptedAt)) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".before-contract",
                    "The cell starting at %s ended before the contract started at %s.".formatted(firstCellStart, acceptedAt));
        }
    }

    /** The previous week locks on Monday 12:00 UTC, when it is invoiced; anything older is locked too. */
    static void requireOpenWeek(String field, Instant cellStart, Instant now) {
        Instant editableFrom = UtcWeek.editableFrom(now);
        if (cellStart.isBefore(editableFrom)) {
            throw RuleViolation.conflict(field, TextInput.ruleSubject(field) + ".locked-week", ("The week of %s is locked: "
                    + "a week can be changed until the following Monday 12:00 UTC, when it is invoiced. "
                    + "The earliest time that can be changed now is %s.").formatted(cellStart, editableFrom));
        }
    }
}
