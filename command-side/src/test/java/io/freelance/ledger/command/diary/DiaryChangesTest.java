package io.freelance.ledger.command.diary;

import static io.freelance.ledger.command.diary.DiaryScenario.CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.CONTRACT_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.DIARY_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.MEMO;
import static io.freelance.ledger.command.diary.DiaryScenario.NEXT_CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.OTHER_SCREENSHOT;
import static io.freelance.ledger.command.diary.DiaryScenario.SCREENSHOT;
import static io.freelance.ledger.command.diary.DiaryScenario.TRACKED_WITH_MANUAL;
import static io.freelance.ledger.command.diary.DiaryScenario.WEDNESDAY_NOON;
import static io.freelance.ledger.command.diary.DiaryScenario.deleted;
import static io.freelance.ledger.command.diary.DiaryScenario.hourly;
import static io.freelance.ledger.command.diary.DiaryScenario.manualRecorded;
import static io.freelance.ledger.command.diary.DiaryScenario.recorded;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.diary.DeleteScreenshotCommand;
import io.freelance.ledger.diary.DeleteSegmentCommand;
import io.freelance.ledger.diary.EditSegmentMemoCommand;
import io.freelance.ledger.diary.SegmentDeletionReason;
import io.freelance.ledger.diary.SegmentMemoEditedEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Memo edits and deletions: the freelancer's, while the cell's week is open. */
class DiaryChangesTest extends WorkDiaryTestBase {

    private static final String BETTER_MEMO = "Login form: validation and error messages";
    /** The following Monday before noon: this week is closed but still open to the freelancer's review. */
    private static final Instant REVIEW_MORNING = Instant.parse("2026-11-30T11:59:59Z");
    private static final Instant LOCKED = Instant.parse("2026-11-30T12:00:00Z");

    // Memo edits.

    @Test
    void theFreelancerEditsAMemo() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, CELL, BETTER_MEMO), as(FREELANCER))
                .expectEvents(new SegmentMemoEditedEvent(DIARY_ID, CONTRACT_ID, CELL, BETTER_MEMO, WEDNESDAY_NOON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aManualCellsMemoCanBeEdited() {
        at(WEDNESDAY_NOON, manualRecorded(CELL, NEXT_CELL.plusSeconds(600), "Call", WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, NEXT_CELL, BETTER_MEMO), as(FREELANCER))
                .expectEvents(new SegmentMemoEditedEvent(DIARY_ID, CONTRACT_ID, NEXT_CELL, BETTER_MEMO, WEDNESDAY_NOON));
    }

    @Test
    void theSameMemoAgainChangesNothing() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON),
                new SegmentMemoEditedEvent(DIARY_ID, CONTRACT_ID, CELL, BETTER_MEMO, WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, CELL, BETTER_MEMO), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void anEditedSegmentIsStillRecognisedWhenTheTrackerRetriesIt() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON),
                new SegmentMemoEditedEvent(DIARY_ID, CONTRACT_ID, CELL, BETTER_MEMO, WEDNESDAY_NOON))
                .when(DiaryScenario.record(CELL), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aMemoCannotBeEditedAway() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, CELL, ""), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("memo", "memo.required"));
    }

    @Test
    void aMemoIsEditedOnlyWhereTimeIsRecorded() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, NEXT_CELL, BETTER_MEMO), as(FREELANCER))
                .expectNoEvents()
                .expectException(notFound("cellDateTime", "cell.not-found"));
    }

    @Test
    void aMemoInADiaryWithNoTimeIsNotFound() {
        at(WEDNESDAY_NOON)
                .when(new EditSegmentMemoCommand(CONTRACT_ID, CELL, BETTER_MEMO), as(FREELANCER))
                .expectNoEvents()
                .expectException(notFound("cellDateTime", "cell.not-found"));
    }

    @Test
    void aMemoCanBeEditedDuringTheMondayReview() {
        at(REVIEW_MORNING, recorded(CELL, WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, CELL, BETTER_MEMO), as(FREELANCER))
                .expectEvents(new SegmentMemoEditedEvent(DIARY_ID, CONTRACT_ID, CELL, BETTER_MEMO, REVIEW_MORNING));
    }

    @Test
    void aMemoInALockedWeekCannotBeEdited() {
        at(LOCKED, recorded(CELL, WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, CELL, BETTER_MEMO), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("cellDateTime", "cellDateTime.locked-week"));
    }

    @Test
    void theClientCannotEditMemos() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, CELL, BETTER_MEMO), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }

    @Test
    void memosCanBeEditedWhileTheContractIsPaused() {
        contract = hourly(ContractStatus.PAUSED, TRACKED_WITH_MANUAL);
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new EditSegmentMemoCommand(CONTRACT_ID, CELL, BETTER_MEMO), as(FREELANCER))
                .expectEvents(new SegmentMemoEditedEvent(DIARY_ID, CONTRACT_ID, CELL, BETTER_MEMO, WEDNESDAY_NOON));
    }

    // Deleting cells.

    @Test
    void theFreelancerDeletesASegmentOfTheCurrentWeek() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteSegmentCommand(CONTRACT_ID, CELL), as(FREELANCER))
                .expectEvents(deleted(CELL, SegmentDeletionReason.DELETED, SCREENSHOT, WEDNESDAY_NOON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aSegmentCanBeDeletedDuringTheMondayReview() {
        at(REVIEW_MORNING, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteSegmentCommand(CONTRACT_ID, CELL), as(FREELANCER))
                .expectEvents(deleted(CELL, SegmentDeletionReason.DELETED, SCREENSHOT, REVIEW_MORNING));
    }

    @Test
    void aSegmentInALockedWeekCannotBeDeleted() {
        at(LOCKED, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteSegmentCommand(CONTRACT_ID, CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("cellDateTime", "cellDateTime.locked-week"));
    }

    @Test
    void aManualCellIsDeletedOnItsOwn() {
        at(WEDNESDAY_NOON, manualRecorded(CELL, NEXT_CELL.plusSeconds(600), "Call", WEDNESDAY_NOON))
                .when(new DeleteSegmentCommand(CONTRACT_ID, NEXT_CELL), as(FREELANCER))
                .expectEvents(deleted(NEXT_CELL, SegmentDeletionReason.DELETED, null, WEDNESDAY_NOON));
    }

    @Test
    void deletingADeletedCellChangesNothing() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON), deleted(CELL, SegmentDeletionReason.DELETED, SCREENSHOT, WEDNESDAY_NOON))
                .when(new DeleteSegmentCommand(CONTRACT_ID, CELL), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void deletingACellWithoutTimeIsNotFound() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteSegmentCommand(CONTRACT_ID, NEXT_CELL), as(FREELANCER))
                .expectNoEvents()
                .expectException(notFound("cellDateTime", "cell.not-found"));
    }

    @Test
    void theClientCannotDeleteTime() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteSegmentCommand(CONTRACT_ID, CELL), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }

    // Deleting a screenshot deletes its segment.

    @Test
    void deletingAScreenshotDeletesItsSegment() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteScreenshotCommand(CONTRACT_ID, CELL, SCREENSHOT), as(FREELANCER))
                .expectEvents(deleted(CELL, SegmentDeletionReason.SCREENSHOT_DELETED, SCREENSHOT, WEDNESDAY_NOON));
    }

    @Test
    void onlyTheCellsOwnScreenshotDeletesIt() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteScreenshotCommand(CONTRACT_ID, CELL, OTHER_SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("screenshotHash", "screenshotHash.mismatch"));
    }

    @Test
    void aScreenshotInALockedWeekCannotBeDeleted() {
        at(LOCKED, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteScreenshotCommand(CONTRACT_ID, CELL, SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("cellDateTime", "cellDateTime.locked-week"));
    }

    @Test
    void deletingTheSameScreenshotAgainChangesNothing() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON),
                deleted(CELL, SegmentDeletionReason.SCREENSHOT_DELETED, SCREENSHOT, WEDNESDAY_NOON))
                .when(new DeleteScreenshotCommand(CONTRACT_ID, CELL, SCREENSHOT.toUpperCase(java.util.Locale.ROOT)),
                        as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void theScreenshotToDeleteIsNamed() {
        at(WEDNESDAY_NOON, recorded(CELL, WEDNESDAY_NOON))
                .when(new DeleteScreenshotCommand(CONTRACT_ID, CELL, null), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("screenshotHash", "screenshotHash.required"));
    }

    @Test
    void aManualCellHasNoScreenshotToDelete() {
        at(WEDNESDAY_NOON, manualRecorded(CELL, NEXT_CELL, MEMO, WEDNESDAY_NOON))
                .when(new DeleteScreenshotCommand(CONTRACT_ID, CELL, SCREENSHOT), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("screenshotHash", "screenshotHash.mismatch"));
    }
}
