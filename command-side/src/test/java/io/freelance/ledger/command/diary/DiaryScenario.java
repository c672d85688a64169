package io.freelance.ledger.command.diary;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.command.contract.ContractStanding;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import io.freelance.ledger.diary.ManualTimeRecordedEvent;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.RecordManualTimeCommand;
import io.freelance.ledger.diary.RecordTrackedSegmentCommand;
import io.freelance.ledger.diary.SegmentDeletedEvent;
import io.freelance.ledger.diary.SegmentDeletionReason;
import io.freelance.ledger.diary.TrackedSegmentRecordedEvent;
import io.freelance.ledger.diary.WorkDiaryId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One hourly contract and the week of 23 November 2026 (ISO week 2026-W48) in its Work Diary: the
 * segments, contracts and instants the diary tests use.
 */
final class DiaryScenario {

    static final String CONTRACT_ID = "contract-1";
    static final LocalDate WEEK = LocalDate.of(2026, 11, 23);
    static final String DIARY_ID = WorkDiaryId.forWeek(CONTRACT_ID, WEEK);
    /** Three weeks before: the contract started then. */
    static final Instant ACCEPTED_AT = Instant.parse("2026-11-02T08:00:00Z");
    /** When most commands are handled. */
    static final Instant WEDNESDAY_NOON = Instant.parse("2026-11-25T12:00:00Z");
    static final Instant CELL = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant NEXT_CELL = Instant.parse("2026-11-25T10:10:00Z");
    /** When this week locks and the previous one is long locked. */
    static final Instant NEXT_MONDAY_NOON = Instant.parse("2026-11-30T12:00:00Z");
    static final String MEMO = "Login form validation";
    static final String LABEL = "Coding";
    static final String WINDOW = "LoginForm.java - IDE";
    static final String SCREENSHOT = "a1".repeat(32);
    static final String OTHER_SCREENSHOT = "b2".repeat(32);
    /** Seven of ten minutes with input: activity level 7. */
    static final List<MinuteActivity> MINUTES = minutes();

    static final HourlyTerms TRACKED_WITH_MANUAL = new HourlyTerms(Money.of("40.00", "USD"), 20, true, true);
    static final HourlyTerms TRACKED_ONLY = new HourlyTerms(Money.of("40.00", "USD"), 20, false, true);
    static final HourlyTerms UNTRACKED_WITH_MANUAL = new HourlyTerms(Money.of("40.00", "USD"), 20, true, false);

    private DiaryScenario() {
    }

    static ContractStanding hourly(ContractStatus status, HourlyTerms terms) {
        return new ContractStanding(parties(), ContractType.HOURLY, status, ACCEPTED_AT, terms,
                WeeklyLimitSchedule.offered(terms.weeklyLimitHours()));
    }

    static ContractStanding activeHourly() {
        return hourly(ContractStatus.ACTIVE, TRACKED_WITH_MANUAL);
    }

    static ContractStanding activeFixedPrice() {
        return new ContractStanding(parties(), ContractType.FIXED_PRICE, ContractStatus.ACTIVE, ACCEPTED_AT, null, null);
    }

    static ContractParties parties() {
        return new ContractParties(CONTRACT_ID, CLIENT.userId(), FREELANCER.userId());
    }

    static RecordTrackedSegmentCommand record(Instant cell) {
        return new RecordTrackedSegmentCommand(CONTRACT_ID, cell, MINUTES, MEMO, LABEL, WINDOW, SCREENSHOT);
    }

    static RecordTrackedSegmentCommand record(Instant cell, List<MinuteActivity> minutes, String memo, String screenshot) {
        return new RecordTrackedSegmentCommand(CONTRACT_ID, cell, minutes, memo, LABEL, WINDOW, screenshot);
    }

    static TrackedSegmentRecordedEvent recorded(Instant cell, Instant at) {
        return new TrackedSegmentRecordedEvent(WorkDiaryId.forCell(CONTRACT_ID, cell), CONTRACT_ID, FREELANCER.userId(),
                cell, MINUTES, MEMO, LABEL, WINDOW, SCREENSHOT, at);
    }

    static RecordManualTimeCommand manual(Instant from, Instant to, String memo) {
        return new RecordManualTimeCommand(CONTRACT_ID, from, to, memo);
    }

    static ManualTimeRecordedEvent manualRecorded(Instant from, Instant to, String memo, Instant at) {
        return new ManualTimeRecordedEvent(WorkDiaryId.forCell(CONTRACT_ID, from), CONTRACT_ID, FREELANCER.userId(),
                from, to, memo, at);
    }

    static SegmentDeletedEvent deleted(Instant cell, SegmentDeletionReason reason, String screenshot, Instant at) {
        return new SegmentDeletedEvent(WorkDiaryId.forCell(CONTRACT_ID, cell), CONTRACT_ID, cell, reason, screenshot, at);
    }

    static List<MinuteActivity> minutesWith(int index, MinuteActivity minute) {
        List<MinuteActivity> minutes = new ArrayList<>(MINUTES);
        minutes.set(index, minute);
        return minutes;
    }

    private static List<MinuteActivity> minutes() {
        List<MinuteActivity> minutes = new ArrayList<>(Collections.nCopies(7, new MinuteActivity(35, 12)));
        minutes.addAll(Collections.nCopies(3, new MinuteActivity(0, 0)));
        return List.copyOf(minutes);
    }
}
