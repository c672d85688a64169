package io.freelance.ledger.query.contract;

/**
 * Field names of a {@code contracts} document. The Contract aggregate's events own the contract
 * fields and {@code contractVersion}; the EscrowAccount's events own {@code milestones},
 * {@code escrow} and {@code escrowVersion}. Each side writes only its own fields, so the two
 * aggregates' events may be applied in either order.
 */
public final class ContractFields {

    public static final String COLLECTION = "contracts";

    public static final String ID = "_id";
    public static final String TYPE = "type";
    public static final String TITLE = "title";
    public static final String STATUS = "status";
    public static final String CLIENT_ID = "clientId";
    public static final String FREELANCER_ID = "freelancerId";
    public static final String CURRENCY = "currency";
    public static final String HOURLY_TERMS = "hourlyTerms";
    public static final String OFFERED_AT = "offeredAt";
    public static final String ACCEPTED_AT = "acceptedAt";
    public static final String DECLINED_AT = "declinedAt";
    public static final String DECLINE_REASON = "declineReason";
    public static final String ENDED_AT = "endedAt";
    public static final String ENDED_BY = "endedBy";
    public static final String ENDED_BY_ROLE = "endedByRole";
    public static final String END_REASON = "endReason";
    public static final String MILESTONES = "milestones";
    public static final String ESCROW = "escrow";
    /** Sequence number of the last applied Contract event; -1 before the offer is applied. */
    public static final String CONTRACT_VERSION = "contractVersion";
    /** Sequence number of the last applied EscrowAccount event; -1 before the escrow opens. */
    public static final String ESCROW_VERSION = "escrowVersion";

    private ContractFields() {
    }
}
