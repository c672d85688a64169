package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.query.ledger.AccountBalance;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.LedgerReadModel;
import io.freelance.ledger.query.ledger.MinorUnits;
import io.freelance.ledger.query.ledger.TrialBalance;
import io.freelance.ledger.query.ledger.audit.Checkpoints.BalanceCheckpoints;
import io.freelance.ledger.query.ledger.audit.DailyCheckpointBuilder.IndexRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Balances, statements and trial balances as of a past instant, by recorded time: the history as the
 * ledger had it at that instant. Recorded time (when the event was stored) never changes and only grows, so
 * a report as of an instant reads the same whenever it is made, and matches what the ledger showed then; an
 * entry's effective time can lie in the past (a backdated movement), which would change a closed period.
 * (The audit's full replay reports both.)
 * <p>
 * Each answer starts from the daily checkpoints the last audit wrote (balances at the end of every day
 * before the audit's day) and adds the movements recorded after the checkpoint, read straight from the
 * event store by the index range the checkpoints keep for each day: one day's events for an instant before
 * the audit, the events since the audit for a later one. Checkpoints written by the audit, not by the live
 * projection, keep the live write path as it is and make every checkpoint one that an audit verified.
 * With no audit yet, the answer is still exact but reads from the first event.
 */
@Component
public class LedgerAsOf {

    /** Longest statement period: a month and a day, so a month-end statement always fits. */
    public static final Duration MAX_STATEMENT_PERIOD = Duration.ofDays(32);
    /** Most lines a statement lists. */
    public static final int MAX_STATEMENT_LINES = 10_000;
    private static final int READ_BATCH = 5_000;

    private final DailyCheckpoints checkpoints;
    private final AuditEventSource events;

    public LedgerAsOf(DailyCheckpoints checkpoints, AuditEventSource events) {
        this.checkpoints = checkpoints;
        this.events = events;
    }

    public AccountBalance balance(String account, String currency, Instant asOf) {
        String balanceId = LedgerFields.balanceId(account, currency);
        Checkpoints coverage = checkpoints.coverage();
        LocalDate baseDay = baseDay(coverage, asOf);
        long minorUnits = checkpoints.balance(balanceId).map(checkpoint -> checkpoint.before(baseDay)).orElse(0L);
        for (RecordedMovement movement : recordedBetween(coverage, justBefore(baseDay), asOf, account)) {
            minorUnits = Math.addExact(minorUnits, minorUnitsOn(movement, account, currency));
        }
        return new AccountBalance(account, currency, MinorUnits.toMoney(minorUnits, currency));
    }

    public TrialBalance trialBalance(String currency, Instant asOf) {
        Checkpoints coverage = checkpoints.coverage();
        LocalDate baseDay = baseDay(coverage, asOf);
        Map<String, long[]> byBalance = new HashMap<>();
        Map<String, String> accountOf = new HashMap<>();
        for (Map.Entry<String, BalanceCheckpoints> checkpoint : checkpoints.balancesIn(currency).entrySet()) {
            byBalance.put(checkpoint.getKey(), new long[] {checkpoint.getValue().before(baseDay)});
            accountOf.put(checkpoint.getKey(), checkpoint.getValue().balance().account());
        }
        for (RecordedMovement movement : recordedBetween(coverage, justBefore(baseDay), asOf, null)) {
            for (JournalLeg leg : movement.entry().legs()) {
                if (leg.amount().currency().equals(currency)) {
                    String balanceId = LedgerFields.balanceId(leg.account().name(), currency);
                    accountOf.putIfAbsent(balanceId, leg.account().name());
                    long[] sum = byBalance.computeIfAbsent(balanceId, id -> new long[1]);
                    sum[0] = Math.addExact(sum[0], MinorUnits.of(leg.amount()));
                }
            }
        }
        long total = 0;
        List<AccountBalance> accounts = new ArrayList<>();
        for (Map.Entry<String, long[]> balance : byBalance.entrySet()) {
            total = Math.addExact(total, balance.getValue()[0]);
            accounts.add(new AccountBalance(accountOf.get(balance.getKey()), currency,
                    MinorUnits.toMoney(balance.getValue()[0], currency)));
        }
        accounts.sort(Comparator.comparing(AccountBalance::account));
        List<AccountBalance> listed = accounts.subList(0, Math.min(accounts.size(), LedgerReadModel.MAX_ACCOUNTS_PER_LIST));
        return new TrialBalance(currency, List.copyOf(listed), accounts.size(), MinorUnits.toMoney(total, currency));
    }

    /** Movements recorded after {@code from} up to {@code to}, at most {@link #MAX_STATEMENT_LINES}. */
    public AccountStatement statement(String account, String currency, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw RuleViolation.badRequest("to", "period.order", "The statement period must end after it starts.");
        }
        if (Duration.between(from, to).compareTo(MAX_STATEMENT_PERIOD) > 0) {
            throw RuleViolation.badRequest("to", "period.length",
                    "A statement covers at most " + MAX_STATEMENT_PERIOD.toDays() + " days.");
        }
        Money opening = balance(account, currency, from).balance();
        long running = MinorUnits.of(opening);
        List<StatementLine> lines = new ArrayList<>();
        for (RecordedMovement movement : recordedBetween(checkpoints.coverage(), from, to, account)) {
            long minorUnits = minorUnitsOn(movement, account, currency);
            if (minorUnits == 0) {
                continue;
            }
            if (lines.size() == MAX_STATEMENT_LINES) {
                throw RuleViolation.badRequest("to", "statement.lines",
                        "The period holds more than " + MAX_STATEMENT_LINES + " movements; ask for a shorter one.");
            }
            running = Math.addExact(running, minorUnits);
            lines.add(new StatementLine(movement.entry().entryId(), movement.globalIndex(), movement.recordedAt(),
                    movement.entry().effectiveAt(), movement.entry().cause(), MinorUnits.toMoney(minorUnits, currency),
                    MinorUnits.toMoney(running, currency)));
        }
        return new AccountStatement(account, currency, from, to, opening, MinorUnits.toMoney(running, currency), lines);
    }

    /** The day whose checkpoint (the balance at the end of the day before) an answer as of {@code asOf} starts from. */
    private static LocalDate baseDay(Checkpoints coverage, Instant asOf) {
        LocalDate day = DailyCheckpointBuilder.dayOf(asOf);
        return day.isBefore(coverage.openDay()) ? day : coverage.openDay();
    }

    /**
     * Money movements recorded after {@code after} up to {@code upTo}, in index order, each entry once. The
     * index range comes from the checkpointed days the period touches, and runs to the head for a period
     * reaching past them; the recorded time then selects exactly. {@code after} null: from the first event.
     * With an {@code account}, the source may leave out movements that do not touch it undecoded (the
     * caller still picks the account's legs); null for every movement. An entry id stored twice counts at
     * its first movement read, as the ledger counts it; with an account, the first among those that name it.
     */
    private List<RecordedMovement> recordedBetween(Checkpoints coverage, Instant after, Instant upTo, String account) {
        LocalDate firstDay = after == null ? LocalDate.MIN : DailyCheckpointBuilder.dayOf(after.plusNanos(1));
        LocalDate lastDay = DailyCheckpointBuilder.dayOf(upTo);
        long lower = Long.MAX_VALUE;
        long upper = -1;
        List<LocalDate> checkpointedDays = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay) && day.isBefore(coverage.openDay()); day = day.plusDays(1)) {
            checkpointedDays.add(day);
        }
        for (IndexRange range : checkpoints.dayRanges(checkpointedDays).values()) {
            lower = Math.min(lower, range.first());
            upper = Math.max(upper, range.last());
        }
        if (!lastDay.isBefore(coverage.openDay())) {
            lower = Math.min(lower, coverage.openFromIndex());
            upper = events.headIndex();
        }
        List<RecordedMovement> found = new ArrayList<>();
        if (upper < lower) {
            return found;
        }
        Set<String> entryIds = new HashSet<>();
        events.readMentioning(account, lower - 1, upper, READ_BATCH, batch -> batch.movements().stream()
                .filter(movement -> (after == null || movement.recordedAt().isAfter(after)) && !movement.recordedAt().isAfter(upTo))
                .filter(movement -> entryIds.add(movement.entry().entryId()))
                .forEach(found::add));
        return found;
    }

    private static long minorUnitsOn(RecordedMovement movement, String account, String currency) {
        for (JournalLeg leg : movement.entry().legs()) {
            if (leg.account().name().equals(account) && leg.amount().currency().equals(currency)) {
                return MinorUnits.of(leg.amount());
            }
        }
        return 0;
    }

    /** The last instant before the day; null (from the first event) for the day before all days, when no audit wrote checkpoints. */
    private static Instant justBefore(LocalDate day) {
        return day.equals(LocalDate.MIN) ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }
}
