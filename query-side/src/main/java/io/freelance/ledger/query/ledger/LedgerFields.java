package io.freelance.ledger.query.ledger;

/** Collections and field names of the ledger read model. Amounts are in minor units (cents) as longs. */
public final class LedgerFields {

    /** One document per journal entry, {@code _id} = entryId. */
    public static final String JOURNAL_ENTRIES = "journal_entries";
    /** One document per account and currency, {@code _id} = account|currency. */
    public static final String BALANCES = "ledger_balances";
    /** One document per leg, {@code _id} = account|currency#n: the n-th posting on that balance. */
    public static final String POSTINGS = "ledger_postings";
    /** One document holding the last ledger sequence number handed out. */
    public static final String COUNTERS = "ledger_counters";
    /**
     * The ledger's hash chain: one row per ledger sequence ({@code _id} = sequence, the entry's id) and its
     * head ({@code _id} = "head"); its daily anchors in the collection of the same name with "_anchors" added.
     */
    public static final String JOURNAL_CHAIN = "journal_chain";
    public static final String LEDGER_SEQUENCE_COUNTER = "ledgerSequence";
    public static final String COUNTER_VALUE = "value";
    /** On a journal entry: its place in the ledger, the order in which the ledger applied it. */
    public static final String SEQUENCE = "sequence";

    public static final String ID = "_id";
    public static final String ACCOUNT = "account";
    public static final String CURRENCY = "currency";
    /** On a balance and a journal leg: the account's {@code AccountKind}, and the id of whom it is kept for (none for platform accounts). */
    public static final String KIND = "kind";
    public static final String OWNER_ID = "ownerId";
    public static final String ENTRY_ID = "entryId";
    public static final String EVENT_TYPE = "eventType";
    public static final String EFFECTIVE_AT = "effectiveAt";
    /**
     * On a journal entry and a posting: when the event that carried the entry was stored (the event's
     * timestamp), beside the entry's own effective time. Absent on documents written before it was kept.
     */
    public static final String RECORDED_AT = "recordedAt";
    public static final String CAUSE = "cause";
    public static final String FEE_RATES = "feeRates";
    public static final String LEGS = "legs";
    public static final String AMOUNT = "amount";
    /** Global event-stream position of the event that carried the entry. */
    public static final String POSITION = "position";
    public static final String BALANCE_MINOR_UNITS = "balanceMinorUnits";
    public static final String AMOUNT_MINOR_UNITS = "amountMinorUnits";
    public static final String BALANCE_AFTER_MINOR_UNITS = "balanceAfterMinorUnits";
    /** Position of the last entry applied to a balance: an entry at or before it is a repeat. */
    public static final String LAST_POSITION = "lastPosition";
    public static final String LAST_ENTRY_ID = "lastEntryId";
    /** On a balance: how many postings its statement has. On a posting: its number on the statement, from 1. */
    public static final String POSTING_COUNT = "postingCount";
    public static final String NUMBER = "number";
    /** On a journal entry: the id of its posting on each balance it moves, planned when it is first applied. */
    public static final String POSTING_IDS = "postingIds";
    public static final String BALANCE_ID = "balanceId";
    public static final String POSTING_ID = "postingId";

    private LedgerFields() {
    }

    public static String balanceId(String account, String currency) {
        return account + "|" + currency;
    }

    public static String postingId(String balanceId, long number) {
        return balanceId + "#" + number;
    }

    public static long postingNumber(String postingId) {
        return Long.parseLong(postingId.substring(postingId.lastIndexOf('#') + 1));
    }
}
