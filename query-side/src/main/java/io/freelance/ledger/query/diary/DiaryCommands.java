package io.freelance.ledger.query.diary;

import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.query.contract.ContractAccess;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.readstore.ReadYourWrites;
import io.freelance.ledger.query.readstore.Shown;
import io.freelance.ledger.query.security.Caller;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The steps every diary mutation shares: send the command to the week's WorkDiary, wait until the diary
 * read model has the version it answered, answer the changed cells and their week. Who may change the
 * diary (the contract's freelancer, on an active hourly contract that allows it) is the diary's decision;
 * only the roles that change no contract at all are turned away here.
 */
@Component
public class DiaryCommands {

    private final ContractAccess access;
    private final CommandSender sender;
    private final ReadYourWrites readYourWrites;
    private final WorkDiaryScreens screens;

    public DiaryCommands(ContractAccess access, CommandSender sender, ReadYourWrites readYourWrites, WorkDiaryScreens screens) {
        this.access = access;
        this.sender = sender;
        this.readYourWrites = readYourWrites;
        this.screens = screens;
    }

    /**
     * @param changedCells the cells the command records, edits or deletes, all in one week; the first names the week
     */
    public WorkDiaryPayload change(Caller caller, String contractId, List<Instant> changedCells, Object command) {
        access.requireMayChangeContracts(caller.actor(), "contractId", contractId);
        Instant anyCell = changedCells.get(0);
        String workDiaryId = WorkDiaryId.forCell(contractId, anyCell);
        Object result = sender.send(command, caller);
        Shown<WorkDiaryWeek> week = readYourWrites.awaitThenRead("Diary", workDiaryId,
                ReadYourWrites.versionsOf(result, WorkDiaryStore.AGGREGATE_TYPE, workDiaryId), () -> screens.weekOf(contractId, anyCell));
        Set<Instant> changed = new HashSet<>(changedCells);
        List<WorkDiaryTimeCell> cells = week.view() == null ? List.of() : week.view().cells().stream()
                .filter(cell -> changed.contains(cell.cellDateTime())).toList();
        return new WorkDiaryPayload(contractId, week.pending(), cells, week.view());
    }
}
