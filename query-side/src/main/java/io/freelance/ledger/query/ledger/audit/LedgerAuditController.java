package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.ledger.AccountBalance;
import io.freelance.ledger.query.ledger.LedgerAccess;
import io.freelance.ledger.query.ledger.TrialBalance;
import io.freelance.ledger.query.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Finance audits over GraphQL: start one and follow it, balances and statements as of past instants, a rebuild on request. */
@Controller
public class LedgerAuditController {

    private static final int MAX_ACCOUNT_NAME_LENGTH = 200;
    private static final int MAX_ID_LENGTH = 100;

    private final LedgerAuditRuns runs;
    private final LedgerAsOf asOf;
    private final LedgerAccess access;
    private final LedgerRebuild rebuild;

    public LedgerAuditController(LedgerAuditRuns runs, LedgerAsOf asOf, LedgerAccess access, LedgerRebuild rebuild) {
        this.runs = runs;
        this.asOf = asOf;
        this.access = access;
        this.rebuild = rebuild;
    }

    public record StartLedgerAuditInput(OffsetDateTime asOf) {
    }

    public record StartLedgerAuditPayload(AuditRun run) {
    }

    public record RebuildLedgerFromEventsPayload(boolean started) {
    }

    @MutationMapping
    public StartLedgerAuditPayload startLedgerAudit(@Argument StartLedgerAuditInput input, Caller caller) {
        Actor actor = requireFinance(caller);
        Instant instant = input == null || input.asOf() == null ? null : input.asOf().toInstant();
        return new StartLedgerAuditPayload(runs.start(actor.userId(), instant));
    }

    @MutationMapping
    public RebuildLedgerFromEventsPayload rebuildLedgerFromEvents(Caller caller) {
        rebuild.rebuildFromEvents(requireFinance(caller).userId());
        return new RebuildLedgerFromEventsPayload(true);
    }

    @QueryMapping
    public AuditRun ledgerAuditRun(@Argument String id, Caller caller) {
        requireFinance(caller);
        return runs.find(Inputs.requiredText("id", id, MAX_ID_LENGTH)).orElse(null);
    }

    @QueryMapping
    public AccountBalance ledgerBalanceAsOf(@Argument String account, @Argument String currency, @Argument OffsetDateTime asOf,
                                            Caller caller) {
        LedgerAccount named = readableAccount(account, caller);
        return this.asOf.balance(named.name(), Inputs.currency("currency", currency), asOf.toInstant());
    }

    @QueryMapping
    public TrialBalance trialBalanceAsOf(@Argument String currency, @Argument OffsetDateTime asOf, Caller caller) {
        requireFinance(caller);
        return this.asOf.trialBalance(Inputs.currency("currency", currency), asOf.toInstant());
    }

    @QueryMapping
    public AccountStatement ledgerStatement(@Argument String account, @Argument String currency, @Argument OffsetDateTime from,
                                            @Argument OffsetDateTime to, Caller caller) {
        LedgerAccount named = readableAccount(account, caller);
        return asOf.statement(named.name(), Inputs.currency("currency", currency), from.toInstant(), to.toInstant());
    }

    @SchemaMapping(typeName = "LedgerAuditProgress")
    public Map<String, Object> progress(AuditRun run) {
        AuditProgress progress = run.progress();
        Duration left = progress.timeLeft();
        Map<String, Object> fields = new HashMap<>();
        fields.put("eventsDone", progress.eventsDone());
        fields.put("eventsTotal", progress.eventsTotal());
        fields.put("percentDone", progress.percentDone());
        fields.put("eventsPerSecond", progress.eventsPerSecond());
        fields.put("secondsLeft", left == null ? null : left.toSeconds());
        return fields;
    }

    @SchemaMapping(typeName = "LedgerAuditReport")
    public long journalEntries(AuditReport report) {
        return report.movementsApplied();
    }

    @SchemaMapping(typeName = "LedgerAuditReport")
    public String csv(AuditReport report) {
        return AuditCsv.report(report);
    }

    @SchemaMapping(typeName = "LedgerStatement", field = "csv")
    public String statementCsv(AccountStatement statement) {
        return AuditCsv.statement(statement);
    }

    private LedgerAccount readableAccount(String account, Caller caller) {
        LedgerAccount named = LedgerAccount.parse("account", Inputs.requiredText("account", account, MAX_ACCOUNT_NAME_LENGTH));
        access.requireReadable(caller.actor(), named);
        return named;
    }

    private static Actor requireFinance(Caller caller) {
        Actor actor = caller.actor();
        if (actor.role() != Role.FINANCE) {
            throw RuleViolation.forbidden(null, "role.finance", "Only the finance team may run audits and read their reports.");
        }
        return actor;
    }
}
