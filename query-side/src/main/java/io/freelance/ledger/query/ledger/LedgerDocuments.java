package io.freelance.ledger.query.ledger;

import static io.freelance.ledger.query.ledger.LedgerFields.*;

import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.query.readstore.BsonTimes;
import io.freelance.ledger.query.readstore.MoneyDocuments;
import java.time.Instant;
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
