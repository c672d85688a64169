package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.RuleViolation;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Audits started over GraphQL, run one at a time on their own thread; the last {@value #KEPT_RUNS} runs
 * are kept in memory for their progress and reports (a report is also a CSV the caller can keep).
 */
@Component
public class LedgerAuditRuns {

    static final int KEPT_RUNS = 20;
    private static final Logger log = LoggerFactory.getLogger(LedgerAuditRuns.class);

    private final LedgerAudit audit;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-audit");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AuditRun> runs = new LinkedHashMap<>();

    public LedgerAuditRuns(LedgerAudit audit) {
        this.audit = audit;
    }

    public synchronized AuditRun start(String requestedBy, Instant asOf) {
        if (runs.values().stream().anyMatch(run -> run.status() == AuditRun.Status.RUNNING)) {
            throw RuleViolation.conflict(null, "audit.running", "An audit is already running; wait for it to finish.");
        }
        AuditRun run = new AuditRun(UUID.randomUUID().toString(), requestedBy, clock.instant(), asOf);
        runs.put(run.id(), run);
        while (runs.size() > KEPT_RUNS) {
            runs.remove(runs.keySet().iterator().next());
        }
        worker.submit(() -> execute(run));
        return run;
    }

    public synchronized Optional<AuditRun> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    private void execute(AuditRun run) {
        try {
            run.finished(audit.run(new LedgerAudit.Request(run.id(), run.asOf(), true), run.progress()), clock.instant());
        } catch (RuntimeException e) {
            log.error("Ledger audit {} failed", run.id(), e);
            run.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
