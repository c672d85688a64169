package io.freelance.ledger.query.diary.screenshot;

import io.freelance.ledger.common.Actor;

/**
 * Who else may see a screenshot, beyond those who uploaded it, finance and dispute handlers. The Work
 * Diary's read model implements it to let the client of the contract whose segment shows the screenshot
 * see it. Every implementation in the context is asked; one yes is enough.
 */
public interface ScreenshotReaders {

    boolean maySee(Actor reader, StoredScreenshot screenshot);
}
