package io.freelance.ledger.query.ledger.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import io.freelance.ledger.query.ledger.AccountBalance;
import io.freelance.ledger.query.ledger.MinorUnits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The full audit replay. It reads the event store from the first event up to the head it found when it
 * started, in batches straight from the store (no tracking processor, no event handler: nothing it reads
 * can send a command or an email again), rebuilds every balance in memory and writes them in one bulk to
 * the shadow collection {@value #SHADOW_BALANCES}; writes the daily checkpoints {@link LedgerAsOf} starts
 * from; then compares the live ledger, as of the same index, with the shadow, and sums every currency.
 * <p>
 * The audit never changes the live ledger. Rebuilding the live ledger from the events is a separate,
 * explicit request ({@link LedgerRebuild}).
 */
@Component
public class LedgerAudit {

    /** The rebuilt balances of the last audit, {@code _id} = {@code account|currency}, as the live ledger keys them. */
    public static final String SHADOW_BALANCES = "audit_ledger_balances";

    private static final Logger log = LoggerFactory.getLogger(LedgerAudit.class);
    private static final int WRITE_CHUNK = 1_000;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final AuditEventSource events;
    private final DailyCheckpoints checkpoints;
    private final LiveBalances liveBalances;
    private final LiveLedgerPosition livePosition;
    private final MongoCollection<Document> shadowBalances;
    private final Clock clock;
    private final int batchSize;
    private final Duration liveCatchUpTimeout;

    @Autowired
    public LedgerAudit(AuditEventSource events, DailyCheckpoints checkpoints, LiveBalances liveBalances,
                       LiveLedgerPosition livePosition, MongoDatabase readModelDatabase,
                       @Value("${ledger.audit.batch-size:10000}") int batchSize,
                       @Value("${ledger.audit.live-catch-up-timeout:PT2M}") Duration liveCatchUpTimeout) {
        this(events, checkpoints, liveBalances, livePosition, readModelDatabase, Clock.systemUTC(), batchSize, liveCatchUpTimeout);
    }

    public LedgerAudit(AuditEventSource events, DailyCheckpoints checkpoints, LiveBalances liveBalances,
                       LiveLedgerPosition livePosition, MongoDatabase readModelDatabase, Clock clock, int batchSize,
                       Duration liveCatchUpTimeout) {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("ledger.audit.batch-size must be between 1 and 100000");
        }
        this.events = events;
        this.checkpoints = checkpoints;
        this.liveBalances = liveBalances;
        this.livePosition = livePosition;
        this.shadowBalances = readModelDatabase.getCollection(SHADOW_BALANCES);
        this.clock = clock;
        this.batchSize = batchSize;
        this.liveCatchUpTimeout = liveCatchUpTimeout;
    }

    /** What to audit: {@code asOf} null for no as-of balances; {@code compareWithLive} false to rebuild and check totals only. */
    public record Request(String auditId, Instant asOf, boolean compareWithLive) {
    }

    public AuditReport run(Request request, AuditProgress progress) {
        long head = events.headIndex();
        progress.started(head);
        log.info("Ledger audit {} started: reading the event store up to index {}", request.auditId(), head);
        DailyCheckpointBuilder checkpointBuilder = new DailyCheckpointBuilder(DailyCheckpointBuilder.dayOf(clock.instant()));
        ShadowLedger shadow = new ShadowLedger(request.asOf(), checkpointBuilder);
        long[] nextLog = {System.nanoTime() + LOG_EVERY.toNanos()};
        events.read(-1, head, batchSize, batch -> {
            batch.movements().forEach(shadow::apply);
            progress.advanced(batch.eventsRead());
            if (System.nanoTime() > nextLog[0]) {
                log.info("Ledger audit {}: {}", request.auditId(), progress);
                nextLog[0] = System.nanoTime() + LOG_EVERY.toNanos();
            }
        });
        shadow.readingDone();
        progress.finished();
        log.info("Ledger audit {} read the event store: {}", request.auditId(), progress);
        Map<String, ShadowBalance> rebuilt = shadow.balances();
        writeShadow(rebuilt);
        checkpoints.replace(checkpointBuilder.build(head, request.auditId()));
        boolean caughtUp = false;
        Map<String, LiveBalance> live = Map.of();
        if (request.compareWithLive()) {
            caughtUp = livePosition.awaitIndex(head, liveCatchUpTimeout);
            if (!caughtUp) {
                log.warn("Ledger audit {}: the live ledger projection has not applied up to index {}; comparing what it holds",
                        request.auditId(), head);
            }
            live = liveBalances.asOfIndex(head);
        }
        List<BalanceDifference> differences = request.compareWithLive()
                ? LedgerComparison.differences(rebuilt, live) : List.of();
        AuditReport report = new AuditReport(request.auditId(), head, progress.eventsDone(), shadow.movementsApplied(),
                shadow.repeatsIgnored(), request.compareWithLive(), caughtUp, differences,
                LedgerComparison.trialBalances(rebuilt, request.compareWithLive() ? live : Map.of()),
                request.asOf(), asBalances(shadow.asOfRecorded()), asBalances(shadow.asOfEffective()));
        differences.forEach(difference -> log.error("Ledger audit {}: {} {} expected {} from the events, live ledger holds {}",
                request.auditId(), difference.account(), difference.currency(), difference.expected().amount(),
                difference.actual().amount()));
        if (report.consistent()) {
            log.info("Ledger audit {} {}", request.auditId(), report.summary());
        } else {
            log.error("Ledger audit {} {}", request.auditId(), report.summary());
        }
        return report;
    }

    private void writeShadow(Map<String, ShadowBalance> balances) {
        shadowBalances.deleteMany(new Document());
        List<Document> documents = new ArrayList<>(Math.min(balances.size(), WRITE_CHUNK));
        for (Map.Entry<String, ShadowBalance> balance : balances.entrySet()) {
            ShadowBalance shadow = balance.getValue();
            documents.add(new Document("_id", balance.getKey())
                    .append("account", shadow.account())
                    .append("currency", shadow.currency())
                    .append("kind", shadow.kind())
                    .append("ownerId", shadow.ownerId())
                    .append("balanceMinorUnits", shadow.balanceMinorUnits()));
            if (documents.size() == WRITE_CHUNK) {
                shadowBalances.insertMany(documents, new InsertManyOptions().ordered(false));
                documents.clear();
            }
        }
        if (!documents.isEmpty()) {
            shadowBalances.insertMany(documents, new InsertManyOptions().ordered(false));
        }
    }

    private static List<AccountBalance> asBalances(Map<String, ShadowBalance> balances) {
        return balances.values().stream()
                .map(balance -> new AccountBalance(balance.account(), balance.currency(),
                        MinorUnits.toMoney(balance.balanceMinorUnits(), balance.currency())))
                .sorted(Comparator.comparing(AccountBalance::account).thenComparing(AccountBalance::currency))
                .toList();
    }
}
