package io.freelance.ledger.query.diary;

import io.freelance.ledger.diary.CellProtection;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Work Diary's review screens read the same settings as the diary's command side
 * ({@code ledger.work-diary.*}), so a cell the screens call protected is one an hour dispute pays.
 */
@Configuration(proxyBeanMethods = false)
class DiaryConfiguration {

    /**
     * Tells locked weeks by the clock the diary's commands and events use (Axon's), so the screens agree
     * with the rules that refuse changes to a locked week.
     */
    @Bean
    WorkDiaryWeeks workDiaryWeeks(
            @Value("${ledger.work-diary.protected-activity-threshold:" + CellProtection.DEFAULT_ACTIVITY_THRESHOLD + "}")
            int protectedActivityThreshold) {
        return new WorkDiaryWeeks(new CellProtection(protectedActivityThreshold), () -> GenericEventMessage.clock.instant());
    }
}
