package io.freelance.ledger.query.operations;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code deadLetters}: how many events each processing group has
 * parked. UP up to {@code ledger.dead-letters.health.warning-threshold} in all, WARNING above it: the
 * service still answers, but a read model lacks events until a retry applies them. WARNING answers
 * HTTP 200, so probes keep the instance; it ranks below DOWN and above UP in the overall status
 * ({@code management.endpoint.health.status.order}).
 */
@Component
public class DeadLettersHealthIndicator implements HealthIndicator {

    public static final Status WARNING = new Status("WARNING", "Events are parked in the dead-letter queue");

    private final DeadLetterStore store;
    private final int warningThreshold;

    public DeadLettersHealthIndicator(DeadLetterStore store, DeadLetterProperties properties) {
        this.store = store;
        this.warningThreshold = properties.health().warningThreshold();
    }

    @Override
    public Health health() {
        Map<String, Long> counts;
        try {
            counts = store.countsByGroup();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", e.getClass().getSimpleName()).build();
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return Health.status(total > warningThreshold ? WARNING : Status.UP)
                .withDetail("groups", counts)
                .withDetail("total", total)
                .withDetail("warningThreshold", warningThreshold)
                .build();
    }
}
