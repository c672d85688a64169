package io.freelance.ledger.escrow;

public enum RefundReason {
    /** The client asked for the escrow back at contract end and the freelancer did not dispute in time. */
    NOT_DISPUTED_IN_TIME,
    /** The freelancer ended the contract, giving up the funded work. */
    FREELANCER_ENDED_CONTRACT
}
