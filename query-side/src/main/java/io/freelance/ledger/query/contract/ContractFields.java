package io.freelance.ledger.query.contract;

/**
 * Field names of a {@code contracts} document: one per Contract aggregate, written only by its events.
 * (A fixed-price contract's escrow account has a document of its own, in the escrow package.)
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
    /** While paused (a dispute runs): when and why; removed on resume. */
    public static final String PAUSED_AT = "pausedAt";
    public static final String PAUSED_BY = "pausedBy";
    public static final String PAUSED_BY_ROLE = "pausedByRole";
    public static final String PAUSE_REASON = "pauseReason";
    /**
     * An hourly contract's weekly limits over time: the offered one (no effectiveFrom), then every change
     * in the order made ({@link io.freelance.ledger.contract.WeeklyLimitSchedule}).
     */
    public static final String WEEKLY_LIMIT_CHANGES = "weeklyLimitChanges";
    /** The milestones as offered; once the escrow account opens, it owns the schedule. */
    public static final String OFFERED_MILESTONES = "offeredMilestones";
    /** Sequence number of the last applied Contract event. */
    public static final String CONTRACT_VERSION = "contractVersion";

    private ContractFields() {
    }
}
