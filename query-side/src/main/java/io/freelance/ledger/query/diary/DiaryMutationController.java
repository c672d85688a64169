package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.diary.DeleteScreenshotCommand;
import io.freelance.ledger.diary.DeleteSegmentCommand;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.diary.EditSegmentMemoCommand;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.RecordManualTimeCommand;
import io.freelance.ledger.diary.RecordTrackedSegmentCommand;
import io.freelance.ledger.query.diary.DiaryInputs.DeleteScreenshotInput;
import io.freelance.ledger.query.diary.DiaryInputs.DeleteSegmentInput;
import io.freelance.ledger.query.diary.DiaryInputs.EditSegmentMemoInput;
import io.freelance.ledger.query.diary.DiaryInputs.MinuteActivityInput;
import io.freelance.ledger.query.diary.DiaryInputs.RecordManualTimeInput;
import io.freelance.ledger.query.diary.DiaryInputs.RecordTrackedSegmentInput;
import io.freelance.ledger.query.diary.screenshot.UploadedScreenshots;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.security.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The freelancer's side of the Work Diary: the tracker's segments, manual time, memo edits and deletions.
 * Input is checked here with the diary's own rules ({@link DiaryInput}) before anything is sent; whether the
 * contract allows it is the diary's decision. Each answers the changed cells and their week.
 */
@Controller
public class DiaryMutationController {

    private final DiaryCommands commands;
    private final UploadedScreenshots screenshots;

    public DiaryMutationController(DiaryCommands commands, UploadedScreenshots screenshots) {
        this.commands = commands;
        this.screenshots = screenshots;
    }

    @MutationMapping
    public WorkDiaryPayload recordTrackedSegment(@Argument RecordTrackedSegmentInput input, Caller caller) {
        String contractId = Inputs.id("contractId", input.contractId());
        Instant cell = DiaryInput.cellStart("cellDateTime", DiaryInputs.instant(input.cellDateTime()));
        List<MinuteActivity> minutes = DiaryInput.minutes("minutes", minutes(input.minutes()));
        String memo = DiaryInput.memo("memo", input.memo());
        String label = DiaryInput.activityLabel("activityLabel", input.activityLabel());
        String title = DiaryInput.activeWindowTitle("activeWindowTitle", input.activeWindowTitle());
        String screenshotHash = uploadedScreenshot(caller.actor(), input.screenshotId());
        return commands.change(caller, contractId, List.of(cell),
                new RecordTrackedSegmentCommand(contractId, cell, minutes, memo, label, title, screenshotHash));
    }

    @MutationMapping
    public WorkDiaryPayload recordManualTime(@Argument RecordManualTimeInput input, Caller caller) {
        String contractId = Inputs.id("contractId", input.contractId());
        Instant from = DiaryInput.cellStart("from", DiaryInputs.instant(input.from()));
        Instant to = DiaryInput.cellStart("to", DiaryInputs.instant(input.to()));
        String memo = DiaryInput.memo("memo", input.memo());
        return commands.change(caller, contractId, manualCells(from, to),
                new RecordManualTimeCommand(contractId, from, to, memo));
    }

    @MutationMapping
    public WorkDiaryPayload editSegmentMemo(@Argument EditSegmentMemoInput input, Caller caller) {
        String contractId = Inputs.id("contractId", input.contractId());
        Instant cell = DiaryInput.cellStart("cellDateTime", DiaryInputs.instant(input.cellDateTime()));
        String memo = DiaryInput.memo("memo", input.memo());
        return commands.change(caller, contractId, List.of(cell),
                new EditSegmentMemoCommand(contractId, cell, memo));
    }

    @MutationMapping
    public WorkDiaryPayload deleteSegment(@Argument DeleteSegmentInput input, Caller caller) {
        String contractId = Inputs.id("contractId", input.contractId());
        Instant cell = DiaryInput.cellStart("cellDateTime", DiaryInputs.instant(input.cellDateTime()));
        return commands.change(caller, contractId, List.of(cell),
                new DeleteSegmentCommand(contractId, cell));
    }

    @MutationMapping
    public WorkDiaryPayload deleteScreenshot(@Argument DeleteScreenshotInput input, Caller caller) {
        String contractId = Inputs.id("contractId", input.contractId());
        Instant cell = DiaryInput.cellStart("cellDateTime", DiaryInputs.instant(input.cellDateTime()));
        String hash = DiaryInput.screenshotHash("screenshotId", Inputs.id("screenshotId", input.screenshotId()));
        return commands.change(caller, contractId, List.of(cell),
                new DeleteScreenshotCommand(contractId, cell, hash));
    }

    /**
     * A freelancer's segment may name only a screenshot they uploaded: one that is stored, so the diary never
     * shows a missing image, and theirs, so nobody passes off another's screen as their work. Other roles are
     * refused by the diary itself, with the answer it gives them for any segment.
     */
    private String uploadedScreenshot(Actor actor, String screenshotId) {
        String hash = DiaryInput.screenshotHash("screenshotId", screenshotId);
        if (hash != null && actor.role() == Role.FREELANCER && !screenshots.uploadedBy(hash, actor.userId())) {
            throw RuleViolation.badRequest("screenshotId", "screenshotId.not-uploaded", ("You have uploaded no screenshot "
                    + "%s: upload it with POST /screenshots first, then record the segment with the id it answers.")
                    .formatted(hash));
        }
        return hash;
    }

    /**
     * The cells a manual range names, to answer with. A range the diary will refuse (empty, or longer than a
     * week) is answered by its first cell's week: no list of a year's cells is built for a refusal.
     */
    private static List<Instant> manualCells(Instant from, Instant to) {
        boolean withinAWeek = to.isAfter(from) && !to.isAfter(from.plus(UtcWeek.LENGTH));
        return withinAWeek ? DiaryInput.cellsBetween(from, to) : List.of(from);
    }

    /** Null entries stay null, for the diary's rule to name the minute. */
    private static List<MinuteActivity> minutes(List<MinuteActivityInput> minutes) {
        if (minutes == null) {
            return null;
        }
        List<MinuteActivity> activity = new ArrayList<>(minutes.size());
        for (MinuteActivityInput minute : minutes) {
            activity.add(minute == null || minute.keyboard() == null || minute.mouse() == null
                    ? null : new MinuteActivity(minute.keyboard(), minute.mouse()));
        }
        return activity;
    }
}
