package io.freelance.ledger.query.ledger.chain;

import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a link's hash covers, as an ordered list of named text fields, and its SHA-256.
 * <p>
 * The encoding is fixed (version 1): one line per field, {@code name=<length>:<value>\n}, where the
 * length is the value's UTF-8 byte count and an absent value is written {@code -}. The length prefix
 * makes the encoding unambiguous whatever a value contains (an id with {@code =} or a newline cannot
 * pass for another field). Amounts are exact decimal strings at the currency's scale; percentages
 * without trailing zeros (10 and 10.0 are one rate); the effective time is ISO-8601 to the
 * millisecond, the precision the read store keeps, so the hash can be recomputed from the stored
 * entry as well as from the event.
 */
public record CanonicalEntry(List<Field> fields) {

    public static final String VERSION = "journal-chain/1";
    /** The previous hash of the first link: no entry before it. */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** One named value; null when absent. */
    public record Field(String name, String value) {
    }

    public static CanonicalEntry of(long sequence, long previousSequence, String previousHash, JournalEntry entry,
                                    ChainedEvent event) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("version", VERSION));
        fields.add(new Field("sequence", Long.toString(sequence)));
        fields.add(new Field("previousSequence", Long.toString(previousSequence)));
        fields.add(new Field("previousHash", previousHash));
        fields.add(new Field("entryId", entry.entryId()));
        fields.add(new Field("effectiveAt", entry.effectiveAt().truncatedTo(ChronoUnit.MILLIS).toString()));
        addCause(fields, entry.cause());
        addFeeRates(fields, entry.feeRates());
        fields.add(new Field("legs", Integer.toString(entry.legs().size())));
        for (int index = 0; index < entry.legs().size(); index++) {
            JournalLeg leg = entry.legs().get(index);
            fields.add(new Field("legs[" + index + "].account", leg.account().name()));
            fields.add(new Field("legs[" + index + "].currency", leg.amount().currency()));
            fields.add(new Field("legs[" + index + "].amount", leg.amount().amount().toPlainString()));
        }
        fields.add(new Field("event.id", event.eventId()));
        fields.add(new Field("event.type", event.eventType()));
        fields.add(new Field("event.position", Long.toString(event.position())));
        return new CanonicalEntry(List.copyOf(fields));
    }

    public byte[] encoded() {
        StringBuilder text = new StringBuilder(512);
        for (Field field : fields) {
            text.append(field.name()).append('=');
            if (field.value() == null) {
                text.append('-');
            } else {
                text.append(field.value().getBytes(StandardCharsets.UTF_8).length).append(':').append(field.value());
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of {@link #encoded()}, 64 lower-case hex digits. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The fields whose values differ from {@code other}'s, as {@code name: this value, other value};
     * a field only one side has shows {@code (none)} on the other.
     */
    public List<String> differencesFrom(CanonicalEntry other, String thisLabel, String otherLabel) {
        List<String> differences = new ArrayList<>();
        int count = Math.max(fields.size(), other.fields.size());
        for (int index = 0; index < count; index++) {
            Field mine = index < fields.size() ? fields.get(index) : null;
            Field theirs = index < other.fields.size() ? other.fields.get(index) : null;
            String name = mine != null ? mine.name() : theirs.name();
            String myValue = mine == null ? "(none)" : String.valueOf(mine.value());
            String theirValue = theirs == null ? "(none)" : String.valueOf(theirs.value());
            if (mine == null || theirs == null || !mine.name().equals(theirs.name()) || !myValue.equals(theirValue)) {
                differences.add(name + ": " + thisLabel + " " + myValue + ", " + otherLabel + " " + theirValue);
            }
        }
        return differences;
    }

    private static void addCause(List<Field> fields, EntryCause cause) {
        fields.add(new Field("cause.kind", cause.kind()));
        fields.add(new Field("cause.contractId", cause.contractId()));
        fields.add(new Field("cause.milestoneId", cause.milestoneId()));
        fields.add(new Field("cause.invoiceId", cause.invoiceId()));
        fields.add(new Field("cause.disputeId", cause.disputeId()));
    }

    private static void addFeeRates(List<Field> fields, FeeRates rates) {
        fields.add(new Field("feeRates.freelancerServiceFeePercent",
                rates == null ? null : percent(rates.freelancerServiceFeePercent())));
        fields.add(new Field("feeRates.clientMarketplaceFeePercent",
                rates == null ? null : percent(rates.clientMarketplaceFeePercent())));
    }

    private static String percent(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
