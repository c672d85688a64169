package io.freelance.ledger.dispute;

/**
 * Ids of fixed-price disputes. A contract's refund and each of its milestones can be disputed once, so the id
 * derives from what is disputed: a retried opening names the same dispute.
 */
public final class DisputeId {

    private static final String REFUND_PREFIX = "refund-dispute-";
    private static final String MILESTONE_PREFIX = "milestone-dispute-";

    private DisputeId() {
    }

    public static String forRefund(String contractId) {
        return REFUND_PREFIX + contractId;
    }

    public static String forMilestone(String contractId, String milestoneId) {
        return MILESTONE_PREFIX + contractId + "." + milestoneId;
    }
}
