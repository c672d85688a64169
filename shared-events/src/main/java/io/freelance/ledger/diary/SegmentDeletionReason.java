package io.freelance.ledger.diary;

public enum SegmentDeletionReason {
    /** The freelancer deleted the cell. */
    DELETED,
    /** The freelancer deleted the cell's screenshot, which takes the cell with it. */
    SCREENSHOT_DELETED
}
