package io.freelance.ledger.query.ledger;

import static io.freelance.ledger.query.ledger.LedgerFields.*;

import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.query.ledger.chain.ChainLink;
import io.freelance.ledger.query.ledger.chain.StoredJournalEntry;
import io.freelance.ledger.query.readstore.BsonTimes;
import io.freelance.ledger.query.readstore.MoneyDocuments;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;

/** Journal entries and causes as BSON documents. */
final class LedgerDocuments {

    private LedgerDocuments() {
    }

    static Document journalEntry(JournalEntry entry, long sequence, long position, String eventType, Instant recordedAt) {
        return new Document(ID, entry.entryId())
                .append(SEQUENCE, sequence)
                .append(POSITION, position)
                .append(EVENT_TYPE, eventType)
                .append(EFFECTIVE_AT, BsonTimes.toDate(entry.effectiveAt()))
                .append(RECORDED_AT, BsonTimes.toDate(recordedAt))
                .append(CAUSE, cause(entry.cause()))
                .append(FEE_RATES, feeRates(entry.feeRates()))
                .append(LEGS, entry.legs().stream().map(LedgerDocuments::leg).toList());
    }

    /**
     * A stored entry read back for the chain's verification. A document that no longer reads as a
     * balanced entry is answered as unreadable, with why, for the verification to report.
     */
    static StoredJournalEntry stored(Document document) {
        String entryId = document.getString(ID);
        long sequence = ((Number) document.get(SEQUENCE)).longValue();
        Optional<ChainLink> link = ChainLink.storedOn(document, sequence, ((Number) document.get(POSITION)).longValue(),
                document.getString(EVENT_TYPE));
        try {
            return StoredJournalEntry.readable(entryId, sequence, link, journalEntry(document));
        } catch (RuntimeException unreadable) {
            return StoredJournalEntry.unreadable(entryId, sequence, link, unreadable.getMessage());
        }
    }

    private static JournalEntry journalEntry(Document document) {
        List<JournalLeg> legs = document.getList(LEGS, Document.class).stream()
                .map(leg -> new JournalLeg(LedgerAccount.named(leg.getString(ACCOUNT)).orElseThrow(() ->
                        new IllegalArgumentException("a leg names " + leg.getString(ACCOUNT) + ", not an account")),
                        MoneyDocuments.fromDocument(leg.get(AMOUNT))))
                .toList();
        return new JournalEntry(document.getString(ID), BsonTimes.instant(document, EFFECTIVE_AT),
                cause(document.get(CAUSE, Document.class)), feeRates(document.get(FEE_RATES, Document.class)), legs);
    }

    private static FeeRates feeRates(Document document) {
        if (document == null) {
            return null;
        }
        return new FeeRates(decimal(document.get("freelancerServiceFeePercent", Decimal128.class)),
                decimal(document.get("clientMarketplaceFeePercent", Decimal128.class)));
    }

    private static java.math.BigDecimal decimal(Decimal128 value) {
        return value == null ? null : value.bigDecimalValue();
    }

    private static Document leg(JournalLeg leg) {
        return new Document(ACCOUNT, leg.account().name())
                .append(KIND, leg.account().kind().name())
                .append(OWNER_ID, leg.account().ownerId())
                .append(AMOUNT, MoneyDocuments.toDocument(leg.amount()));
    }

    static Document cause(EntryCause cause) {
        return new Document("kind", cause.kind())
                .append("contractId", cause.contractId())
                .append("milestoneId", cause.milestoneId())
                .append("invoiceId", cause.invoiceId())
                .append("disputeId", cause.disputeId());
    }

    static EntryCause cause(Document document) {
        return new EntryCause(document.getString("kind"), document.getString("contractId"),
                document.getString("milestoneId"), document.getString("invoiceId"), document.getString("disputeId"));
    }

    private static Document feeRates(FeeRates rates) {
        if (rates == null) {
            return null;
        }
        return new Document("freelancerServiceFeePercent", decimal(rates.freelancerServiceFeePercent()))
                .append("clientMarketplaceFeePercent", decimal(rates.clientMarketplaceFeePercent()));
    }

    private static Decimal128 decimal(java.math.BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }
}
