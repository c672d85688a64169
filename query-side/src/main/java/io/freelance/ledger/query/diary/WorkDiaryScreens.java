package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.query.contract.ContractAccess;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Work Diary's review screens: a day or a week of a contract's diary, for those who may read the
 * contract (its parties, finance, dispute handlers; NOT_FOUND for anyone else, as for a contract that does
 * not exist). Two reads by {@code _id}: the contract (access, rate, weekly limits) and the week.
 */
@Component
public class WorkDiaryScreens {

    /** Diaries start with the service; the bound keeps date arithmetic far from the calendar's ends. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 9999;

    private final ContractAccess access;
    private final ContractReadModel contracts;
    private final WorkDiaryReadModel diaries;
    private final WorkDiaryWeeks weeks;

    public WorkDiaryScreens(ContractAccess access, ContractReadModel contracts, WorkDiaryReadModel diaries,
                            WorkDiaryWeeks weeks) {
        this.access = access;
        this.contracts = contracts;
        this.diaries = diaries;
        this.weeks = weeks;
    }

    public WorkDiaryDay day(Actor actor, String contractId, LocalDate date) {
        ContractView contract = readableHourlyContract(actor, contractId);
        requireInRange("date", date);
        LocalDate monday = UtcWeek.mondayOf(date);
        return WorkDiaryDay.of(weeks.assemble(contract, diaries.week(contractId, monday)), date);
    }

    public WorkDiaryWeek week(Actor actor, String contractId, LocalDate weekStart) {
        ContractView contract = readableHourlyContract(actor, contractId);
        requireInRange("weekStart", weekStart);
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw RuleViolation.badRequest("weekStart", "weekStart.monday", ("A week starts on a Monday; %s is a %s. "
                    + "The week it lies in starts on %s.").formatted(weekStart, weekStart.getDayOfWeek(),
                    UtcWeek.mondayOf(weekStart)));
        }
        return weeks.assemble(contract, diaries.week(contractId, weekStart));
    }

    /**
     * The week of {@code cell} as the read model holds it now, for a mutation's answer (the command already
     * decided who may change it); empty while the contract's own read model does not show it.
     */
    Optional<WorkDiaryWeek> weekOf(String contractId, Instant cell) {
        return contracts.findById(contractId).filter(ContractView::isHourly)
                .map(contract -> weeks.assemble(contract, diaries.week(contractId, UtcWeek.weekStartDate(cell))));
    }

    ContractView readableHourlyContract(Actor actor, String contractId) {
        ContractView contract = access.requireReadable(actor, "contractId", contractId);
        if (!contract.isHourly()) {
            throw RuleViolation.badRequest("contractId", "contract.hourly-only",
                    "Contract %s is fixed-price; only hourly contracts have a Work Diary.".formatted(contractId));
        }
        return contract;
    }

    static void requireInRange(String field, LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw RuleViolation.badRequest(field, field + ".range",
                    "%s is outside the years %d to %d a Work Diary can hold.".formatted(date, FIRST_YEAR, LAST_YEAR));
        }
    }
}
