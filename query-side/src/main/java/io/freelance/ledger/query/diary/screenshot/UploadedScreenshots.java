package io.freelance.ledger.query.diary.screenshot;

/**
 * Which screenshots a freelancer has uploaded: the diary's API checks it before a segment may refer to a
 * screenshot, so a segment never names bytes that are not stored, nor bytes only someone else sent.
 */
public final class UploadedScreenshots {

    private final ScreenshotStore store;

    UploadedScreenshots(ScreenshotStore store) {
        this.store = store;
    }

    /** One read by the screenshot's id; false for an id that is not stored. */
    public boolean uploadedBy(String screenshotId, String userId) {
        return store.find(screenshotId).filter(screenshot -> screenshot.uploadedBy(userId)).isPresent();
    }
}
