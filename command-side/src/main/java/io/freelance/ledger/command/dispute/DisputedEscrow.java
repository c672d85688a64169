package io.freelance.ledger.command.dispute;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.dispute.DisputeTerms;

/**
 * The contract's escrow account as a fixed-price dispute sees it. The {@link Dispute} calls it in its own unit of
 * work, after the {@link DisputeRegister}, so a dispute, the contract's pause and the escrow's hold or payment
 * commit together; the escrow account's own command handlers decide, so its invariants stay in one place.
 */
public interface DisputedEscrow {

    /** The freelancer disputes the refund waiting at contract end; the money stays in escrow. */
    HeldByDispute disputeRefund(String contractId, Actor freelancer, String reason);

    /** The freelancer disputes a submitted milestone; its deposit stays in escrow. */
    HeldByDispute disputeMilestone(String contractId, String milestoneId, String disputeId, Actor freelancer,
                                          String reason);

    /**
     * Pays the settlement out of escrow, as the service; {@code milestoneId} is null for a refund dispute.
     * Answers the escrow account's version after it.
     */
    long settle(String contractId, String disputeId, String milestoneId, DisputeTerms terms);
}
