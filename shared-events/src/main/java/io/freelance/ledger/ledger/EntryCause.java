package io.freelance.ledger.ledger;

/**
 * Why money moved. {@code kind} names the movement (for example {@code milestone-funding});
 * the ids point at what caused it, null where they do not apply.
 */
public record EntryCause(String kind, String contractId, String milestoneId, String invoiceId, String disputeId) {

    public static EntryCause milestone(String kind, String contractId, String milestoneId) {
        return new EntryCause(kind, contractId, milestoneId, null, null);
    }

    public static EntryCause contract(String kind, String contractId) {
        return new EntryCause(kind, contractId, null, null, null);
    }

    /** A movement of an hourly contract's weekly invoice: its charge, payment or the money becoming available. */
    public static EntryCause invoice(String kind, String contractId, String invoiceId) {
        return new EntryCause(kind, contractId, null, invoiceId, null);
    }

    /** A movement decided by a dispute over an invoice's hours: a refund, or the payment that follows the ruling. */
    public static EntryCause invoiceDispute(String kind, String contractId, String invoiceId, String disputeId) {
        return new EntryCause(kind, contractId, null, invoiceId, disputeId);
    }

    /** A movement decided by a fixed-price dispute; {@code milestoneId} is null for the disputed refund at contract end. */
    public static EntryCause escrowDispute(String kind, String contractId, String milestoneId, String disputeId) {
        return new EntryCause(kind, contractId, milestoneId, null, disputeId);
    }
}
