package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.diary.screenshot.ScreenshotReaders;
import io.freelance.ledger.query.diary.screenshot.StoredScreenshot;
import org.springframework.stereotype.Component;

/**
 * The parties of a contract may see the screenshots its Work Diary shows: the client reviews the work
 * before paying for it. Which contracts show a screenshot is one read by hash; each is then one read of
 * the contract by id. (Finance, dispute handlers and the uploader are admitted by the screenshot package.)
 */
@Component
public class DiaryScreenshotReaders implements ScreenshotReaders {

    private final DiaryScreenshotReferences references;
    private final ContractReadModel contracts;

    public DiaryScreenshotReaders(DiaryScreenshotReferences references, ContractReadModel contracts) {
        this.references = references;
        this.contracts = contracts;
    }

    @Override
    public boolean maySee(Actor reader, StoredScreenshot screenshot) {
        return references.contractsShowing(screenshot.screenshotId()).stream()
                .anyMatch(contractId -> contracts.findById(contractId)
                        .filter(contract -> contract.hasParty(reader.userId())).isPresent());
    }
}
