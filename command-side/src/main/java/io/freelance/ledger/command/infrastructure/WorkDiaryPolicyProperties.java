package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.diary.WorkDiaryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.work-diary.*}: the Work Diary's numbers (a 2-minute tracker clock allowance and a
 * protection threshold of 1 active minute by default). Checked when the policy is built, so a bad
 * setting stops the service at start-up instead of refusing the first segment.
 */
@ConfigurationProperties("ledger.work-diary")
public record WorkDiaryPolicyProperties(Duration clockSkewAllowance, Integer protectedActivityThreshold) {

    public WorkDiaryPolicy toPolicy() {
        WorkDiaryPolicy defaults = WorkDiaryPolicy.defaults();
        return new WorkDiaryPolicy(
                clockSkewAllowance != null ? clockSkewAllowance : defaults.clockSkewAllowance(),
                protectedActivityThreshold != null ? protectedActivityThreshold : defaults.protectedActivityThreshold());
    }
}
