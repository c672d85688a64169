package io.freelance.ledger.command.diary;

import static io.freelance.ledger.command.common.ServiceDeadlines.bySystem;
import static io.freelance.ledger.command.common.ServiceDeadlines.effectiveAt;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.command.common.AggregateCaches;
import io.freelance.ledger.command.contract.ContractStanding;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.command.invoice.Invoice;
import io.freelance.ledger.command.invoice.IssueInvoiceCommand;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.diary.DeleteScreenshotCommand;
import io.freelance.ledger.diary.DeleteSegmentCommand;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.diary.EditSegmentMemoCommand;
import io.freelance.ledger.diary.ManualTimeRecordedEvent;
import io.freelance.ledger.diary.RecordManualTimeCommand;
import io.freelance.ledger.diary.RecordTrackedSegmentCommand;
import io.freelance.ledger.diary.SegmentDeletedEvent;
import io.freelance.ledger.diary.SegmentDeletionReason;
import io.freelance.ledger.diary.SegmentMemoEditedEvent;
import io.freelance.ledger.diary.TrackedSegmentRecordedEvent;
import io.freelance.ledger.diary.WorkDiaryWeekLockedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One week of one hourly contract's Work Diary (DESIGN §4): at most 1,008 ten-minute cells, each tracked
 * or manual, recorded by the contract's freelancer. A week per aggregate keeps the streams short and the
 * cache small. The diary exists from its first recorded cell, so every command may create it; one that
 * records nothing leaves nothing behind.
 * <p>
 * Recording is idempotent on the cell: the same segment again changes nothing and is answered like the
 * first, even once the week is locked or the contract paused; anything else at a taken cell is refused.
 * Overtime and protection are not decided here: they depend on the whole week and are computed by
 * whoever reads it ({@link io.freelance.ledger.diary.CellProtection}).
 * <p>
 * Handlers answer the diary's version, for the caller to wait until the read model has it.
 * <p>
 * The weekly cycle runs on one durable deadline per diary, set with its first cell: on the Monday 12:00 UTC
 * after the week ({@link UtcWeek#invoicedAt}) the week locks and the diary issues its invoice, in the same
 * unit of work, for the cells within the weekly limit at the contract's rate. The week's close on Monday
 * 00:00 needs no deadline: nothing changes then. The calendar ends the current week, and the freelancer's
 * Monday-morning review of the closed week (memo edits, deletions, a tracker's late upload of its last
 * cells, manual time) runs under the same rules until the lock, which the clock already enforces.
 */
@Aggregate(cache = AggregateCaches.AGGREGATE_CACHE)
public class WorkDiary {

    @AggregateIdentifier
    private String workDiaryId;
    private String contractId;
    private LocalDate weekStart;
    /** The week has been locked and invoiced: nothing changes any more, and the lock deadline does nothing. */
    private boolean locked;
    private final Map<Instant, RecordedCell> cells = new HashMap<>();
    /** Cells deleted and not recorded since: deleting one again changes nothing. */
    private final Set<Instant> deletedCells = new HashSet<>();
    /** Tracked segments deleted and not recorded since: the tracker retrying one is answered as before. */
    private final Map<Instant, TrackedSegment> deletedSegments = new HashMap<>();

    protected WorkDiary() {
        // Axon rebuilds the diary from its events, or creates it for its first cell.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(RecordTrackedSegmentCommand command, MetaData metaData, ContractLookup contracts,
                       WorkDiaryPolicy policy, DeadlineManager deadlines) {
        ContractStanding contract = DiaryContractRules.freelancersHourlyContract(contracts, command.contractId(),
                Actor.fromMetaData(metaData), "record time");
        Instant cell = DiaryInput.cellStart("cellDateTime", command.cellDateTime());
        TrackedSegment segment = TrackedSegment.of(command);
        if (isRecordedOrDeleted(cell, segment)) {
            return version();
        }
        DiaryContractRules.requireActive(contract);
        DiaryContractRules.requireTrackerOptedIn(contract);
        requireRecordable("cellDateTime", cell, "cellDateTime", cell, contract, policy);
        requireFree("cellDateTime", cell);
        boolean firstCell = workDiaryId == null;
        apply(new TrackedSegmentRecordedEvent(command.workDiaryId(), command.contractId(),
                contract.parties().freelancerId(), cell, segment.minutes(), segment.memo(), segment.activityLabel(),
                segment.activeWindowTitle(), segment.screenshotHash(), now()));
        scheduleLockOnFirstCell(firstCell, deadlines);
        return version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(RecordManualTimeCommand command, MetaData metaData, ContractLookup contracts,
                       WorkDiaryPolicy policy, DeadlineManager deadlines) {
        ContractStanding contract = DiaryContractRules.freelancersHourlyContract(contracts, command.contractId(),
                Actor.fromMetaData(metaData), "record time");
        Instant from = DiaryInput.cellStart("from", command.from());
        Instant to = DiaryInput.cellStart("to", command.to());
        requireOneWeekRange(from, to);
        String memo = DiaryInput.memo("memo", command.memo());
        List<Instant> range = DiaryInput.cellsBetween(from, to);
        if (range.stream().allMatch(cell -> cells.containsKey(cell) && cells.get(cell).isManualWith(memo))) {
            return version();
        }
        DiaryContractRules.requireActive(contract);
        DiaryContractRules.requireManualTimeAllowed(contract);
        requireRecordable("from", from, "to", range.get(range.size() - 1), contract, policy);
        range.forEach(cell -> requireFree("from", cell));
        boolean firstCell = workDiaryId == null;
        apply(new ManualTimeRecordedEvent(command.workDiaryId(), command.contractId(), contract.parties().freelancerId(),
                from, to, memo, now()));
        scheduleLockOnFirstCell(firstCell, deadlines);
        return version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(EditSegmentMemoCommand command, MetaData metaData, ContractLookup contracts) {
        DiaryContractRules.freelancersHourlyContract(contracts, command.contractId(), Actor.fromMetaData(metaData),
                "edit memos");
        Instant cell = DiaryInput.cellStart("cellDateTime", command.cellDateTime());
        String memo = DiaryInput.memo("memo", command.memo());
        RecordedCell recorded = recorded(cell);
        if (!recorded.memo().equals(memo)) {
            requireOpenWeek("cellDateTime", cell);
            apply(new SegmentMemoEditedEvent(workDiaryId, command.contractId(), cell, memo, now()));
        }
        return version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(DeleteSegmentCommand command, MetaData metaData, ContractLookup contracts) {
        DiaryContractRules.freelancersHourlyContract(contracts, command.contractId(), Actor.fromMetaData(metaData),
                "delete time");
        Instant cell = DiaryInput.cellStart("cellDateTime", command.cellDateTime());
        if (!deletedCells.contains(cell)) {
            RecordedCell recorded = recorded(cell);
            requireOpenWeek("cellDateTime", cell);
            apply(new SegmentDeletedEvent(workDiaryId, command.contractId(), cell, SegmentDeletionReason.DELETED,
                    recorded.screenshotHash(), now()));
        }
        return version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(DeleteScreenshotCommand command, MetaData metaData, ContractLookup contracts) {
        DiaryContractRules.freelancersHourlyContract(contracts, command.contractId(), Actor.fromMetaData(metaData),
                "delete screenshots");
        Instant cell = DiaryInput.cellStart("cellDateTime", command.cellDateTime());
        String hash = DiaryInput.screenshotHash("screenshotHash", command.screenshotHash());
        if (hash == null) {
            throw RuleViolation.badRequest("screenshotHash", "screenshotHash.required", "Name the screenshot to delete.");
        }
        TrackedSegment deleted = deletedSegments.get(cell);
        if (deleted != null && hash.equals(deleted.screenshotHash())) {
            return version();
        }
        RecordedCell recorded = recorded(cell);
        if (!hash.equals(recorded.screenshotHash())) {
            throw RuleViolation.conflict("screenshotHash", "screenshotHash.mismatch",
                    "The cell at %s does not hold this screenshot; nothing was deleted.".formatted(cell));
        }
        requireOpenWeek("cellDateTime", cell);
        apply(new SegmentDeletedEvent(workDiaryId, command.contractId(), cell, SegmentDeletionReason.SCREENSHOT_DELETED,
                hash, now()));
        return version();
    }

    // The weekly cycle.

    /**
     * The week locks and is invoiced. The contract is read now, not when time was recorded: the weekly limit that
     * holds for the week can still have risen since. Locking twice changes nothing.
     */
    @DeadlineHandler(deadlineName = WeekLockDeadline.NAME)
    void on(WeekLockDeadline deadline, ContractLookup contracts, WorkDiaryPolicy policy, EscrowPolicy escrowPolicy,
            DeadlineManager deadlines) throws Exception {
        if (locked) {
            return;
        }
        ContractStanding contract = contracts.standingOf(contractId);
        WeekBill bill = WeekBill.of(contractId, weekStart,
                cells.entrySet().stream().map(cell -> cell.getValue().asDiaryCell(cell.getKey())).toList(), contract,
                policy.cellProtection());
        apply(new WorkDiaryWeekLockedEvent(workDiaryId, contractId, weekStart, bill.billed().size(), bill.overtimeCells(),
                bill.invoiceId(), effectiveAt(deadline.dueAt())));
        if (bill.isInvoiced()) {
            IssueInvoiceCommand issue = bill.issueCommand(workDiaryId, contract);
            AggregateLifecycle.createNew(Invoice.class,
                    () -> new Invoice(issue, MetaData.from(Actor.SYSTEM.asMetaData()), escrowPolicy, deadlines));
        }
    }

    /** Set once, with the week's first cell; the diary's scope named, as the aggregate is only being created. */
    private void scheduleLockOnFirstCell(boolean firstCell, DeadlineManager deadlines) {
        if (firstCell) {
            Instant lockAt = UtcWeek.invoicedAt(weekStart);
            deadlines.schedule(lockAt, WeekLockDeadline.NAME, bySystem(new WeekLockDeadline(lockAt)),
                    new AggregateScopeDescriptor(WorkDiary.class.getSimpleName(), workDiaryId));
        }
    }

    /** Locked by the clock, or already invoiced (a lock that ran a little early, as in a restarted service's catch-up). */
    private void requireOpenWeek(String field, Instant cell) {
        if (locked) {
            throw RuleViolation.conflict(field, TextInput.ruleSubject(field) + ".locked-week", ("The week of %s is locked: it "
                    + "has been invoiced.").formatted(cell));
        }
        CellTimeRules.requireOpenWeek(field, cell, now());
    }

    /** True when this very segment is at the cell, or was there and has been deleted since: a retry. */
    private boolean isRecordedOrDeleted(Instant cell, TrackedSegment segment) {
        RecordedCell recorded = cells.get(cell);
        return recorded != null ? recorded.isTracked(segment) : segment.equals(deletedSegments.get(cell));
    }

    /** The first cell's field answers for the past, the last cell's for the future. */
    private void requireRecordable(String firstField, Instant firstCell, String lastField, Instant lastCell,
                                   ContractStanding contract, WorkDiaryPolicy policy) {
        Instant now = now();
        CellTimeRules.requireNotFuture(lastField, lastCell, now, policy);
        CellTimeRules.requireWithinContract(firstField, firstCell, contract.acceptedAt());
        requireOpenWeek(firstField, firstCell);
    }

    private void requireFree(String field, Instant cell) {
        RecordedCell taken = cells.get(cell);
        if (taken != null) {
            throw RuleViolation.conflict(field, field + ".overlap", "The cell at %s already holds %s; delete it first to record other time there."
                    .formatted(cell, taken.isManual() ? "manual time" : "a different tracked segment"));
        }
    }

    /** Manual time is whole cells of one week (one diary): a longer stretch is sent week by week. */
    private static void requireOneWeekRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw RuleViolation.badRequest("to", "to.after-from", "Manual time ends after it starts.");
        }
        Instant weekEnd = UtcWeek.weekStart(from).plus(UtcWeek.LENGTH);
        if (to.isAfter(weekEnd)) {
            throw RuleViolation.badRequest("to", "to.same-week", ("Manual time from %s can run until %s, the end of its "
                    + "week; record the rest separately.").formatted(from, weekEnd));
        }
    }

    private RecordedCell recorded(Instant cell) {
        RecordedCell recorded = cells.get(cell);
        if (recorded == null) {
            throw RuleViolation.notFound("cellDateTime", "cell.not-found", "No time is recorded at %s.".formatted(cell));
        }
        return recorded;
    }

    private static Long version() {
        return AggregateLifecycle.getVersion();
    }

    /** Axon test fixtures control this clock; production reads the system clock through it. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(TrackedSegmentRecordedEvent event) {
        started(event.workDiaryId(), event.contractId(), event.cellDateTime());
        cells.put(event.cellDateTime(), RecordedCell.tracked(TrackedSegment.of(event)));
        deletedCells.remove(event.cellDateTime());
        deletedSegments.remove(event.cellDateTime());
    }

    @EventSourcingHandler
    void on(ManualTimeRecordedEvent event) {
        started(event.workDiaryId(), event.contractId(), event.from());
        for (Instant cell : DiaryInput.cellsBetween(event.from(), event.to())) {
            cells.put(cell, RecordedCell.manual(event.memo()));
            deletedCells.remove(cell);
            deletedSegments.remove(cell);
        }
    }

    @EventSourcingHandler
    void on(SegmentMemoEditedEvent event) {
        cells.computeIfPresent(event.cellDateTime(), (cell, recorded) -> recorded.withMemo(event.memo()));
    }

    @EventSourcingHandler
    void on(SegmentDeletedEvent event) {
        RecordedCell deleted = cells.remove(event.cellDateTime());
        deletedCells.add(event.cellDateTime());
        if (deleted != null && !deleted.isManual()) {
            deletedSegments.put(event.cellDateTime(), deleted.tracked());
        }
    }

    @EventSourcingHandler
    void on(WorkDiaryWeekLockedEvent event) {
        locked = true;
    }

    private void started(String diaryId, String diaryContractId, Instant anyCell) {
        workDiaryId = diaryId;
        contractId = diaryContractId;
        weekStart = UtcWeek.weekStartDate(anyCell);
    }
}
