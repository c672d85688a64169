package io.freelance.ledger.query.diary;

import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.security.Caller;
import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Work Diary's review screens: a day (Upwork's {@code workDiaryContract}) or a week of a contract's diary. */
@Controller
public class DiaryQueryController {

    private final WorkDiaryScreens screens;

    public DiaryQueryController(WorkDiaryScreens screens) {
        this.screens = screens;
    }

    @QueryMapping
    public WorkDiaryDay workDiaryContract(@Argument String contractId, @Argument LocalDate date, Caller caller) {
        return screens.day(caller.actor(), Inputs.id("contractId", contractId), date);
    }

    @QueryMapping
    public WorkDiaryWeek workDiaryWeek(@Argument String contractId, @Argument LocalDate weekStart, Caller caller) {
        return screens.week(caller.actor(), Inputs.id("contractId", contractId), weekStart);
    }
}
