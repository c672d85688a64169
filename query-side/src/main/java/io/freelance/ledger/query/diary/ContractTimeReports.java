package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.diary.ContractTimeReport.ContractTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reports the time worked on the signed-in party's hourly contracts over a range of days, or on one contract.
 * Finance and dispute handlers read any contract but are party to none, so they name the contract. Every read
 * is by {@code _id}: the user's contract list, the contracts, then each contract's weeks in one read.
 */
@Component
public class ContractTimeReports {

    /** About a quarter: at most 14 week documents per contract. */
    static final int MAX_RANGE_DAYS = 92;
    /** Bounds one report's reads (a contract costs one read of its weeks); beyond it, report contract by contract. */
    static final int MAX_CONTRACTS = 200;

    private static final Set<Role> OVERSEERS = EnumSet.of(Role.FINANCE, Role.DISPUTE_HANDLER);

    private final WorkDiaryScreens screens;
    private final ContractReadModel contracts;
    private final WorkDiaryReadModel diaries;
    private final WorkDiaryWeeks weeks;

    public ContractTimeReports(WorkDiaryScreens screens, ContractReadModel contracts, WorkDiaryReadModel diaries,
                               WorkDiaryWeeks weeks) {
        this.screens = screens;
        this.contracts = contracts;
        this.diaries = diaries;
        this.weeks = weeks;
    }

    /**
     * With {@code contractId}, that contract, listed even without time; without it, the caller's hourly contracts
     * with time in the range.
     */
    public ContractTimeReport report(Actor actor, LocalDate from, LocalDate to, String contractId) {
        requireRange(from, to);
        if (contractId != null) {
            ContractView contract = screens.readableHourlyContract(actor, contractId);
            return new ContractTimeReport(from, to, List.of(timeOn(contract, from, to)));
        }
        if (OVERSEERS.contains(actor.role())) {
            throw RuleViolation.badRequest("contractId", "contractId.required",
                    "Finance and dispute handlers are party to no contract: name the contract to report on.");
        }
        List<ContractView> hourly = contracts.findAllOfParty(actor.userId()).stream().filter(ContractView::isHourly)
                .filter(contract -> mayHaveTimeBetween(contract, from, to)).toList();
        if (hourly.size() > MAX_CONTRACTS) {
            throw RuleViolation.badRequest("contractId", "contracts.too-many", ("You have %d hourly contracts; a report "
                    + "covers at most %d. Name a contract to report on it alone.").formatted(hourly.size(), MAX_CONTRACTS));
        }
        List<ContractTime> lines = new ArrayList<>();
        for (ContractView contract : hourly) {
            ContractTime line = timeOn(contract, from, to);
            if (line.hasTimeWorked()) {
                lines.add(line);
            }
        }
        return new ContractTimeReport(from, to, lines);
    }

    private ContractTime timeOn(ContractView contract, LocalDate from, LocalDate to) {
        List<RecordedWeek> recorded = diaries.weeks(contract.id(), mondaysCovering(from, to));
        return new ContractTime(contract.id(), contract.title(), weeks.totalsOfDays(contract, recorded, from, to));
    }

    /**
     * Saves reading the weeks of contracts that cannot have cells in the range: a cell ends after the acceptance
     * and is recorded while the contract is active, by then over (give or take the tracker's clock skew, which a
     * day covers many times).
     */
    private static boolean mayHaveTimeBetween(ContractView contract, LocalDate from, LocalDate to) {
        Instant rangeEnd = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayBeforeRange = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return contract.acceptedAt() != null && contract.acceptedAt().isBefore(rangeEnd)
                && (contract.endedAt() == null || contract.endedAt().isAfter(dayBeforeRange));
    }

    static List<LocalDate> mondaysCovering(LocalDate from, LocalDate to) {
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate monday = UtcWeek.mondayOf(from); !monday.isAfter(to);
                monday = monday.plusWeeks(1)) {
            mondays.add(monday);
        }
        return mondays;
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        WorkDiaryScreens.requireInRange("from", from);
        WorkDiaryScreens.requireInRange("to", to);
        if (to.isBefore(from)) {
            throw RuleViolation.badRequest("to", "to.after-from",
                    "The range ends (%s) before it starts (%s); to is the range's last day.".formatted(to, from));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw RuleViolation.badRequest("to", "to.range", ("A report covers at most %d days; %s to %s are %d. "
                    + "Report the rest separately.").formatted(MAX_RANGE_DAYS, from, to, days));
        }
    }
}
