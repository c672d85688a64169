package io.freelance.ledger.query.diary;

import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.security.Caller;
import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The Work Diary's review screens: a day (Upwork's {@code workDiaryContract}) or a week of a contract's diary, and
 * the time report across contracts (Upwork's {@code contractTimeReport}).
 */
@Controller
public class DiaryQueryController {

    private final WorkDiaryScreens screens;
    private final ContractTimeReports timeReports;

    public DiaryQueryController(WorkDiaryScreens screens, ContractTimeReports timeReports) {
        this.screens = screens;
        this.timeReports = timeReports;
    }

    @QueryMapping
    public WorkDiaryDay workDiaryContract(@Argument String contractId, @Argument LocalDate date, Caller caller) {
        return screens.day(caller.actor(), Inputs.id("contractId", contractId), date);
    }

    @QueryMapping
    public WorkDiaryWeek workDiaryWeek(@Argument String contractId, @Argument LocalDate weekStart, Caller caller) {
        return screens.week(caller.actor(), Inputs.id("contractId", contractId), weekStart);
    }

    @QueryMapping
    public ContractTimeReport contractTimeReport(@Argument LocalDate from, @Argument LocalDate to,
                                                 @Argument String contractId, Caller caller) {
        return timeReports.report(caller.actor(), from, to, contractId == null ? null : Inputs.id("contractId", contractId));
    }
}
