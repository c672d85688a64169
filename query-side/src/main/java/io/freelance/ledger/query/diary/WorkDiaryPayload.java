package io.freelance.ledger.query.diary;

import java.util.List;

/**
 * What a diary mutation answers: the changed cells and their week as the read model shows them once the
 * change is applied; {@code pending} when it did not within the wait (then as last seen, or no week while
 * the contract itself is not shown yet).
 */
public record WorkDiaryPayload(String contractId, boolean pending, List<WorkDiaryTimeCell> workDiaryTimeCells,
                               WorkDiaryWeek workDiaryWeek) {

    public WorkDiaryPayload {
        workDiaryTimeCells = List.copyOf(workDiaryTimeCells);
    }
}
