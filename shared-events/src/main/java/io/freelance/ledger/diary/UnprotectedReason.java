package io.freelance.ledger.diary;

/** Why a cell is not covered by hourly payment protection (DESIGN §4). */
public enum UnprotectedReason {
    /** Manual time is never protected. */
    MANUAL,
    NO_SCREENSHOT,
    NO_MEMO,
    /** Fewer active minutes than the configured threshold. */
    LOW_ACTIVITY,
    /** Beyond the week's limit: shown, not billed, not protected. */
    OVERTIME
}
