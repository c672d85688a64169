package io.freelance.ledger.command.diary;

import static io.freelance.ledger.command.diary.DiaryScenario.CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.NEXT_CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.TRACKED_ONLY;
import static io.freelance.ledger.command.diary.DiaryScenario.TRACKED_WITH_MANUAL;
import static io.freelance.ledger.command.diary.DiaryScenario.WEDNESDAY_NOON;
import static io.freelance.ledger.command.diary.DiaryScenario.hourly;
import static io.freelance.ledger.command.diary.DiaryScenario.manual;
import static io.freelance.ledger.command.diary.DiaryScenario.manualRecorded;
import static io.freelance.ledger.command.diary.DiaryScenario.recorded;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;

import io.freelance.ledger.contract.ContractStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Manual time: whole cells of one week with a memo, where the contract allows it. */
class ManualTimeTest extends WorkDiaryTestBase {

    private static final String CALL = "Call with the client about the roadmap";
    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant TEN = CELL;

    @Test
    void theFreelancerRecordsAnHourOfManualTime() {
        at(WEDNESDAY_NOON)
                .when(manual(NINE, TEN, CALL), as(FREELANCER))
                .expectEvents(manualRecorded(NINE, TEN, CALL, WEDNESDAY_NOON))
                .expectResultMessagePayload(0L);
    }

    @Test
    void theSameManualTimeAgainChangesNothing() {
        at(WEDNESDAY_NOON, manualRecorded(NINE, TEN, CALL, WEDNESDAY_NOON), recorded(TEN, WEDNESDAY_NOON))
                .when(manual(NINE, TEN, CALL), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void manualTimeCannotOverlapRecordedTime() {
        at(WEDNESDAY_NOON, recorded(Instant.parse("2026-11-25T09:30:00Z"), WEDNESDAY_NOON))
                .when(manual(NINE, TEN, CALL), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("from", "from.overlap"));
    }

    @Test
    void otherManualTimeOverTheSameCellsIsAConflict() {
        at(WEDNESDAY_NOON, manualRecorded(NINE, TEN, CALL, WEDNESDAY_NOON))
                .when(manual(NINE, TEN, "Something else"), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("from", "from.overlap"));
    }

    @Test
    void manualTimeOnlyWhereTheContractAllowsIt() {
        contract = hourly(ContractStatus.ACTIVE, TRACKED_ONLY);
        at(WEDNESDAY_NOON)
                .when(manual(NINE, TEN, CALL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("contractId", "contract.manual-time-not-allowed"));
    }

    @Test
    void manualTimeIsWholeCells() {
        at(WEDNESDAY_NOON)
                .when(manual(NINE, Instant.parse("2026-11-25T09:55:00Z"), CALL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("to", "to.aligned"));
    }

    @Test
    void manualTimeStartsOnACell() {
        at(WEDNESDAY_NOON)
                .when(manual(Instant.parse("2026-11-25T09:01:00Z"), TEN, CALL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("from", "from.aligned"));
    }

    @Test
    void manualTimeEndsAfterItStarts() {
        at(WEDNESDAY_NOON)
                .when(manual(TEN, TEN, CALL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("to", "to.after-from"));
    }

    @Test
    void manualTimeStaysWithinOneWeek() {
        Instant sundayNight = Instant.parse("2026-11-22T23:00:00Z");
        at(WEDNESDAY_NOON)
                .when(manual(sundayNight, Instant.parse("2026-11-23T01:00:00Z"), CALL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("to", "to.same-week"));
    }

    @Test
    void manualTimeMayRunToTheEndOfItsWeek() {
        Instant sundayNight = Instant.parse("2026-11-29T23:00:00Z");
        Instant mondayMidnight = Instant.parse("2026-11-30T00:00:00Z");
        Instant mondayMorning = Instant.parse("2026-11-30T08:00:00Z");
        at(mondayMorning)
                .when(manual(sundayNight, mondayMidnight, CALL), as(FREELANCER))
                .expectEvents(manualRecorded(sundayNight, mondayMidnight, CALL, mondayMorning));
    }

    @Test
    void manualTimeIsNotInTheFuture() {
        at(WEDNESDAY_NOON)
                .when(manual(TEN, Instant.parse("2026-11-25T13:00:00Z"), CALL), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("to", "to.future"));
    }

    @Test
    void manualTimeIsNotInALockedWeek() {
        at(WEDNESDAY_NOON)
                .when(manual(Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"), CALL),
                        as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("from", "from.locked-week"));
    }

    @Test
    void manualTimeNeedsAMemo() {
        at(WEDNESDAY_NOON)
                .when(manual(NINE, TEN, null), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("memo", "memo.required"));
    }

    @Test
    void manualTimeNeedsNoTracker() {
        contract = hourly(ContractStatus.ACTIVE, DiaryScenario.UNTRACKED_WITH_MANUAL);
        at(WEDNESDAY_NOON)
                .when(manual(TEN, NEXT_CELL, CALL), as(FREELANCER))
                .expectEvents(manualRecorded(TEN, NEXT_CELL, CALL, WEDNESDAY_NOON));
    }

    @Test
    void noManualTimeWhilePaused() {
        contract = hourly(ContractStatus.PAUSED, TRACKED_WITH_MANUAL);
        at(WEDNESDAY_NOON)
                .when(manual(NINE, TEN, CALL), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("contractId", "contract.state"));
    }

    @Test
    void theClientCannotAddManualTime() {
        at(WEDNESDAY_NOON)
                .when(manual(NINE, TEN, CALL), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }
}
