package io.freelance.ledger.query.messaging.notification;

/** Where an email of the outbox stands. */
public enum EmailStatus {
    /** Recorded; handing it to the SMTP server has not finished (or the process stopped before it did). */
    SENDING,
    /** No SMTP server is configured: the outbox and the log are where it went. */
    OUTBOX_ONLY,
    /** The SMTP server accepted it. */
    SENT,
    /** The SMTP server refused it or could not be reached; it is not sent again. */
    FAILED
}
