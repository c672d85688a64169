package io.freelance.ledger.command.diary;

import static io.freelance.ledger.command.diary.DiaryScenario.ACCEPTED_AT;
import static io.freelance.ledger.command.diary.DiaryScenario.CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.CONTRACT_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.DIARY_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.LABEL;
import static io.freelance.ledger.command.diary.DiaryScenario.MEMO;
import static io.freelance.ledger.command.diary.DiaryScenario.MINUTES;
import static io.freelance.ledger.command.diary.DiaryScenario.NEXT_CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.NEXT_MONDAY_NOON;
import static io.freelance.ledger.command.diary.DiaryScenario.OTHER_SCREENSHOT;
import static io.freelance.ledger.command.diary.DiaryScenario.SCREENSHOT;
import static io.freelance.ledger.command.diary.DiaryScenario.TRACKED_WITH_MANUAL;
import static io.freelance.ledger.command.diary.DiaryScenario.UNTRACKED_WITH_MANUAL;
import static io.freelance.ledger.command.diary.DiaryScenario.WEDNESDAY_NOON;
import static io.freelance.ledger.command.diary.DiaryScenario.WINDOW;
import static io.freelance.ledger.command.diary.DiaryScenario.activeFixedPrice;
import static io.freelance.ledger.command.diary.DiaryScenario.deleted;
import static io.freelance.ledger.command.diary.DiaryScenario.hourly;
import static io.freelance.ledger.command.diary.DiaryScenario.manualRecorded;
import static io.freelance.ledger.command.diary.DiaryScenario.minutesWith;
import static io.freelance.ledger.command.diary.DiaryScenario.record;
import static io.freelance.ledger.command.diary.DiaryScenario.recorded;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.RecordTrackedSegmentCommand;
import io.freelance.ledger.diary.SegmentDeletionReason;
import io.freelance.ledger.diary.TrackedSegmentRecordedEvent;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tracker records 10-minute segments: every rule a segment must pass, and the one way to repeat it. */
class TrackedTimeTest extends WorkDiaryTestBase {

    private static final Actor OTHER_FREELANCER = new Actor("freelancer-9", Role.FREELANCER);

    @Test
    void theFreelancerRecordsATrackedSegmentInTheDiaryOfItsWeek() {
        at(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectEvents(new TrackedSegmentRecordedEvent(DIARY_ID, CONTRACT_ID, FREELANCER.userId(), CELL, MINUTES,
                        MEMO, LABEL, WINDOW, SCREENSHOT, WEDNESDAY_NOON))
                .expectResultMessagePayload(0L);
    }

    @Test
    void eachSegmentAnswersTheDiarysNewVersion() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(record(NEXT_CELL), as(FREELANCER))
                .expectEvents(recorded(NEXT_CELL, WEDNESDAY_NOON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aSegmentWithoutScreenshotIsRecorded() {
        at(WEDNESDAY_NOON)
                .when(record(CELL, MINUTES, MEMO, null), as(FREELANCER))
                .expectEvents(new TrackedSegmentRecordedEvent(DIARY_ID, CONTRACT_ID, FREELANCER.userId(), CELL, MINUTES,
                        MEMO, LABEL, WINDOW, null, WEDNESDAY_NOON));
    }

    // Idempotent on the cell.

    @Test
    void theSameSegmentAgainChangesNothingAndIsAnsweredLikeTheFirst() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON), recorded(NEXT_CELL, WEDNESDAY_NOON))
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void theSameSegmentIsRecognisedAsStored() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(record(CELL, MINUTES, "  " + MEMO + " ", SCREENSHOT.toUpperCase(Locale.ROOT)), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void theSameSegmentIsAnsweredLikeTheFirstEvenOnceItsWeekIsLocked() {
        at(NEXT_MONDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aDeletedSegmentSentAgainByTheTrackerStaysDeleted() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON), deleted(CELL, SegmentDeletionReason.DELETED, SCREENSHOT, WEDNESDAY_NOON))
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aDifferentSegmentAtATakenCellIsAConflict() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(record(CELL, MINUTES, MEMO, OTHER_SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("cellDateTime", "cellDateTime.overlap"));
    }

    @Test
    void aTrackedSegmentCannotOverlapManualTime() {
        at(WEDNESDAY_NOON, manualRecorded(CELL, NEXT_CELL, "Call with the client", WEDNESDAY_NOON))
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("cellDateTime", "cellDateTime.overlap"));
    }

    @Test
    void aDeletedCellCanBeRecordedAgainWithOtherTime() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON), deleted(CELL, SegmentDeletionReason.DELETED, SCREENSHOT, WEDNESDAY_NOON))
                .when(record(CELL, MINUTES, "Rewrote the validation", OTHER_SCREENSHOT), as(FREELANCER))
                .expectEvents(new TrackedSegmentRecordedEvent(DIARY_ID, CONTRACT_ID, FREELANCER.userId(), CELL, MINUTES,
                        "Rewrote the validation", LABEL, WINDOW, OTHER_SCREENSHOT, WEDNESDAY_NOON));
    }

    // When.

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T10:05:00Z", "2026-11-25T10:00:30Z", "2026-11-25T10:00:00.5Z"})
    void aCellStartsOnATenMinuteMark(String misaligned) {
        at(WEDNESDAY_NOON)
                .when(record(Instant.parse(misaligned)), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("cellDateTime", "cellDateTime.aligned"));
    }

    @Test
    void aCellStartIsRequired() {
        at(WEDNESDAY_NOON)
                .when(record(null), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("cellDateTime", "cellDateTime.required"));
    }

    @Test
    void aCellThatHasNotEndedIsInTheFuture() {
        at(WEDNESDAY_NOON)
                .when(record(WEDNESDAY_NOON), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("cellDateTime", "cellDateTime.future"));
    }

    @Test
    void aTrackerClockUpToTwoMinutesAheadIsAllowed() {
        Instant cellEndingAtNoon = Instant.parse("2026-11-25T11:50:00Z");
        at(WEDNESDAY_NOON.minusSeconds(120))
                .when(record(cellEndingAtNoon), as(FREELANCER))
                .expectEvents(recorded(cellEndingAtNoon, WEDNESDAY_NOON.minusSeconds(120)));
    }

    @Test
    void aTrackerClockMoreThanTwoMinutesAheadIsRefused() {
        at(WEDNESDAY_NOON.minusSeconds(121))
                .when(record(Instant.parse("2026-11-25T11:50:00Z")), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("cellDateTime", "cellDateTime.future"));
    }

    @Test
    void thePreviousWeekCanBeCompletedUntilMondayAt1159() {
        Instant lastFridayCell = Instant.parse("2026-11-20T16:00:00Z");
        Instant mondayBeforeNoon = Instant.parse("2026-11-23T11:59:59Z");
        at(mondayBeforeNoon)
                .when(record(lastFridayCell), as(FREELANCER))
                .expectEvents(recorded(lastFridayCell, mondayBeforeNoon));
    }

    @Test
    void thePreviousWeekLocksOnMondayAtNoon() {
        at(Instant.parse("2026-11-23T12:00:00Z"))
                .when(record(Instant.parse("2026-11-20T16:00:00Z")), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("cellDateTime", "cellDateTime.locked-week"));
    }

    @Test
    void olderWeeksAreLocked() {
        at(Instant.parse("2026-11-23T08:00:00Z"))
                .when(record(Instant.parse("2026-11-13T09:00:00Z")), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("cellDateTime", "cellDateTime.locked-week"));
    }

    @Test
    void noTimeBeforeTheContractStarted() {
        at(ACCEPTED_AT.plusSeconds(3600))
                .when(record(ACCEPTED_AT.minusSeconds(600)), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("cellDateTime", "cellDateTime.before-contract"));
    }

    @Test
    void theFirstCellOfTheContractCounts() {
        at(ACCEPTED_AT.plusSeconds(3600))
                .when(record(ACCEPTED_AT), as(FREELANCER))
                .expectEvents(recorded(ACCEPTED_AT, ACCEPTED_AT.plusSeconds(3600)));
    }

    // What.

    @Test
    void aMemoIsRequired() {
        at(WEDNESDAY_NOON)
                .when(record(CELL, MINUTES, "  ", SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("memo", "memo.required"));
    }

    @Test
    void aMinuteCannotHaveNegativeCounts() {
        at(WEDNESDAY_NOON)
                .when(record(CELL, minutesWith(4, new MinuteActivity(-1, 3)), MEMO, SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("minutes[4].keyboard", "keyboard.range"));
    }

    @Test
    void aMinuteCannotHaveMoreThanTenThousandEvents() {
        at(WEDNESDAY_NOON)
                .when(record(CELL, minutesWith(9, new MinuteActivity(0, 10_001)), MEMO, SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("minutes[9].mouse", "mouse.range"));
    }

    @Test
    void tenThousandEventsAMinuteAreAllowed() {
        RecordTrackedSegmentCommand busiest = record(CELL, minutesWith(0, new MinuteActivity(10_000, 10_000)), MEMO,
                SCREENSHOT);
        at(WEDNESDAY_NOON)
                .when(busiest, as(FREELANCER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aSegmentHasTenMinutes() {
        at(WEDNESDAY_NOON)
                .when(record(CELL, MINUTES.subList(0, 9), MEMO, SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("minutes", "minutes.size"));
    }

    @Test
    void aScreenshotIsNamedByItsContentHash() {
        at(WEDNESDAY_NOON)
                .when(record(CELL, MINUTES, MEMO, "screenshot.png"), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("screenshotHash", "screenshotHash.format"));
    }

    @Test
    void aWindowTitleWithControlCharactersIsRefused() {
        at(WEDNESDAY_NOON)
                .when(new RecordTrackedSegmentCommand(CONTRACT_ID, CELL, MINUTES, MEMO, LABEL, "Terminal\u001b[2J",
                        SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("activeWindowTitle", "activeWindowTitle.control-characters"));
    }

    // Whose contract, and which.

    @Test
    void theClientCannotRecordTime() {
        at(WEDNESDAY_NOON)
                .when(record(CELL), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }

    @Test
    void anotherFreelancerLearnsNothingOfTheContract() {
        at(WEDNESDAY_NOON)
                .when(record(CELL), as(OTHER_FREELANCER))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void anUnknownContractIsNotFound() {
        at(WEDNESDAY_NOON)
                .when(new RecordTrackedSegmentCommand("contract-9", CELL, MINUTES, MEMO, null, null, SCREENSHOT),
                        as(FREELANCER))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void aFixedPriceContractHasNoWorkDiary() {
        contract = activeFixedPrice();
        at(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("contractId", "contract.hourly-only"));
    }

    @Test
    void trackedTimeNeedsTheTrackerOptIn() {
        contract = hourly(ContractStatus.ACTIVE, UNTRACKED_WITH_MANUAL);
        at(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("contractId", "contract.tracker-not-opted-in"));
    }

    @ParameterizedTest
    @EnumSource(value = ContractStatus.class, names = {"OFFERED", "DECLINED", "PAUSED", "ENDED"})
    void timeIsRecordedOnlyOnAnActiveContract(ContractStatus status) {
        contract = hourly(status, TRACKED_WITH_MANUAL);
        at(WEDNESDAY_NOON)
                .when(record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("contractId", "contract.state"));
    }
}
