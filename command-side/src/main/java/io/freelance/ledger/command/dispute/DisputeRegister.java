package io.freelance.ledger.command.dispute;

/**
 * Keeps a contract paused while any of its disputes is open (DESIGN §4: a dispute pauses the contract). The
 * invoice (over its hours) and the {@link Dispute} (fixed-price) call it in the unit of work that opens or settles
 * a dispute, so the dispute and the pause (or the resume) commit together or not at all.
 */
public interface DisputeRegister {

    /**
     * Pauses the contract if it is running and this is its first open dispute; opening again changes nothing.
     * {@code invoiceId} is null for a fixed-price dispute.
     */
    void disputeOpened(String contractId, String disputeId, String invoiceId);

    /**
     * Resumes the contract when this was its last open dispute and the disputes paused it; settling again
     * changes nothing.
     */
    void disputeSettled(String contractId, String disputeId);
}
