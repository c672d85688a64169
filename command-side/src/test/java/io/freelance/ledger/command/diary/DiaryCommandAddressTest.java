package io.freelance.ledger.command.diary;

import static io.freelance.ledger.command.diary.DiaryScenario.CELL;
import static io.freelance.ledger.command.diary.DiaryScenario.CONTRACT_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.DIARY_ID;
import static io.freelance.ledger.command.diary.DiaryScenario.MEMO;
import static io.freelance.ledger.command.diary.DiaryScenario.SCREENSHOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.diary.DeleteScreenshotCommand;
import io.freelance.ledger.diary.DeleteSegmentCommand;
import io.freelance.ledger.diary.EditSegmentMemoCommand;
import io.freelance.ledger.diary.RecordManualTimeCommand;
import io.freelance.ledger.diary.WorkDiaryId;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;

/** Every diary command reaches the diary of its cell's week, as Axon resolves the target. */
class DiaryCommandAddressTest {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    @Test
    void everyDiaryCommandGoesToTheDiaryOfItsCellsWeek() {
        List<Object> commands = List.of(
                DiaryScenario.record(CELL),
                new RecordManualTimeCommand(CONTRACT_ID, CELL, CELL.plusSeconds(600), MEMO),
                new EditSegmentMemoCommand(CONTRACT_ID, CELL, MEMO),
                new DeleteSegmentCommand(CONTRACT_ID, CELL),
                new DeleteScreenshotCommand(CONTRACT_ID, CELL, SCREENSHOT));
        for (Object command : commands) {
            assertThat(targetOf(command)).as(command.getClass().getSimpleName()).isEqualTo(DIARY_ID);
        }
    }

    @Test
    void aCommandWithoutCellTimeGoesToNoRealDiary() {
        assertThat(targetOf(new DeleteSegmentCommand(CONTRACT_ID, null))).isEqualTo(WorkDiaryId.UNADDRESSED);
    }

    private String targetOf(Object command) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
    }
}
