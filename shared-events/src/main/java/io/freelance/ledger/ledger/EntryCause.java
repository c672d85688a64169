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
}
