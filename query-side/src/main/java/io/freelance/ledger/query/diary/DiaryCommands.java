package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.query.contract.ContractAccess;
import io.freelance.ledger.query.contract.ContractCommands;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.readstore.ReadYourWrites;
import io.freelance.ledger.query.security.Caller;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps every diary mutation shares: send the command to the week's WorkDiary, wait until the diary
 * read model has the version it answered, answer the changed cells and their week. Who may change the
 * diary (the contract's freelancer, on an active hourly contract that allows it) is the diary's decision;
 * only the roles that change no contract at all are turned away here.
 */
@Component
public class DiaryCommands {

    private static final Logger log = LoggerFactory.getLogger(DiaryCommands.class);

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
        List<AggregateVersion> versions = ContractCommands.versionsOf(result, WorkDiaryStore.AGGREGATE_TYPE, workDiaryId);
        boolean applied = readYourWrites.awaitApplied(versions);
        Optional<WorkDiaryWeek> week = screens.weekOf(contractId, anyCell);
        if (!applied || week.isEmpty()) {
            log.warn("Diary {} was changed but the read models did not show it within the wait; answering pending", workDiaryId);
        }
        Set<Instant> changed = new HashSet<>(changedCells);
        List<WorkDiaryTimeCell> cells = week.map(shown -> shown.cells().stream()
                .filter(cell -> changed.contains(cell.cellDateTime())).toList()).orElse(List.of());
        return new WorkDiaryPayload(contractId, !applied || week.isEmpty(), cells, week.orElse(null));
    }
}
