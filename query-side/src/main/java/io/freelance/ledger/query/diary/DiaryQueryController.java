package io.freelance.ledger.query.diary;

import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.security.CurrentActor;
import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** The Work Diary's review screens: a day (Upwork's {@code workDiaryContract}) or a week of a contract's diary. */
@Controller
public class DiaryQueryController {

    private final CurrentActor currentActor;
    private final WorkDiaryScreens screens;

    public DiaryQueryController(CurrentActor currentActor, WorkDiaryScreens screens) {
        this.currentActor = currentActor;
        this.screens = screens;
    }

    @QueryMapping
    public WorkDiaryDay workDiaryContract(@Argument String contractId, @Argument LocalDate date, Authentication authentication) {
        return screens.day(currentActor.of(authentication), Inputs.id("contractId", contractId), date);
    }

    @QueryMapping
    public WorkDiaryWeek workDiaryWeek(@Argument String contractId, @Argument LocalDate weekStart, Authentication authentication) {
        return screens.week(currentActor.of(authentication), Inputs.id("contractId", contractId), weekStart);
    }
}
