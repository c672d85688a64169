package io.freelance.ledger.ledger;

import io.freelance.ledger.common.IsoInstants;
import io.freelance.ledger.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads only the journal entry out of a stored money movement's JSON, token by token, for audit replays
 * that go through every event in the store. Binding the whole event with the serializer costs several
 * times more than reading the store's row, and an audit needs the entry alone.
 * <p>
 * It understands exactly the shape the service writes today: a top-level {@code journalEntry} that is
 * null or an object of entry id, effective time, cause, fee rates and legs. Anything else (a field it does
 * not know, a value of another type, an entry the domain refuses to build) is handed to {@code
 * fullRead}, the serializer, so an event stored in an older or unexpected shape is read exactly as every
 * other reader reads it, and a broken one fails the same way. The entry is built with the same
 * constructors and the same compatibility rule for legs ({@link JournalLeg#fromStored}) as the serializer
 * uses, so both paths give equal entries; {@code StoredJournalEntriesTest} holds them to that.
 */
public final class StoredJournalEntries {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredJournalEntries() {
    }

    /** The event's journal entry, or null when it moved nothing; {@code fullRead} deserializes the whole event. */
    public static JournalEntry read(byte[] json, Function<byte[], ? extends MoneyMovement> fullRead) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            return entryOf(parser);
        } catch (RuntimeException notTheShapeWrittenToday) {
            return fullRead.apply(json).journalEntry();
        }
    }

    private static JournalEntry entryOf(JsonParser parser) {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (field.equals("journalEntry")) {
                return value == JsonToken.VALUE_NULL ? null : entry(parser, value);
            }
            parser.skipChildren();
        }
        throw UnfamiliarShape.INSTANCE;
    }

    private static JournalEntry entry(JsonParser parser, JsonToken start) {
        expect(start, JsonToken.START_OBJECT);
        String entryId = null;
        Instant effectiveAt = null;
        EntryCause cause = null;
        FeeRates feeRates = null;
        List<JournalLeg> legs = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "entryId" -> entryId = text(parser, value);
                case "effectiveAt" -> effectiveAt = IsoInstants.parse(expectText(parser, value));
                case "cause" -> cause = value == JsonToken.VALUE_NULL ? null : cause(parser, value);
                case "feeRates" -> feeRates = value == JsonToken.VALUE_NULL ? null : feeRates(parser, value);
                case "legs" -> legs = legs(parser, value);
                default -> throw UnfamiliarShape.INSTANCE;
            }
        }
        if (legs == null) {
            throw UnfamiliarShape.INSTANCE;
        }
        return new JournalEntry(entryId, effectiveAt, cause, feeRates, legs);
    }

    private static EntryCause cause(JsonParser parser, JsonToken start) {
        expect(start, JsonToken.START_OBJECT);
        String kind = null;
        String contractId = null;
        String milestoneId = null;
        String invoiceId = null;
        String disputeId = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            String value = text(parser, parser.nextToken());
            switch (field) {
                case "kind" -> kind = value;
                case "contractId" -> contractId = value;
                case "milestoneId" -> milestoneId = value;
                case "invoiceId" -> invoiceId = value;
                case "disputeId" -> disputeId = value;
                default -> throw UnfamiliarShape.INSTANCE;
            }
        }
        return new EntryCause(kind, contractId, milestoneId, invoiceId, disputeId);
    }

    private static FeeRates feeRates(JsonParser parser, JsonToken start) {
        expect(start, JsonToken.START_OBJECT);
        BigDecimal freelancerServiceFee = null;
        BigDecimal clientMarketplaceFee = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            BigDecimal value = number(parser, parser.nextToken());
            switch (field) {
                case "freelancerServiceFeePercent" -> freelancerServiceFee = value;
                case "clientMarketplaceFeePercent" -> clientMarketplaceFee = value;
                default -> throw UnfamiliarShape.INSTANCE;
            }
        }
        return new FeeRates(freelancerServiceFee, clientMarketplaceFee);
    }

    private static List<JournalLeg> legs(JsonParser parser, JsonToken start) {
        expect(start, JsonToken.START_ARRAY);
        List<JournalLeg> legs = new ArrayList<>(4);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            legs.add(leg(parser, token));
        }
        return legs;
    }

    private static JournalLeg leg(JsonParser parser, JsonToken start) {
        expect(start, JsonToken.START_OBJECT);
        String account = null;
        AccountKind kind = null;
        String ownerId = null;
        Money amount = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "account" -> account = text(parser, value);
                case "kind" -> kind = value == JsonToken.VALUE_NULL ? null : AccountKind.valueOf(expectText(parser, value));
                case "ownerId" -> ownerId = text(parser, value);
                case "amount" -> amount = money(parser, value);
                default -> throw UnfamiliarShape.INSTANCE;
            }
        }
        return JournalLeg.fromStored(new JournalLeg.Stored(account, kind, ownerId, amount));
    }

    /** Money as written: amount and currency, plus the sign flags its getters add, which carry nothing new. */
    private static Money money(JsonParser parser, JsonToken start) {
        expect(start, JsonToken.START_OBJECT);
        BigDecimal amount = null;
        String currency = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "amount" -> amount = number(parser, value);
                case "currency" -> currency = expectText(parser, value);
                case "negative", "positive", "zero" -> expectBoolean(value);
                default -> throw UnfamiliarShape.INSTANCE;
            }
        }
        return new Money(amount, currency);
    }

    private static String text(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NULL ? null : expectText(parser, value);
    }

    private static String expectText(JsonParser parser, JsonToken value) {
        expect(value, JsonToken.VALUE_STRING);
        return parser.getString();
    }

    private static BigDecimal number(JsonParser parser, JsonToken value) {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw UnfamiliarShape.INSTANCE;
        }
        return parser.getDecimalValue();
    }

    private static void expectBoolean(JsonToken value) {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw UnfamiliarShape.INSTANCE;
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw UnfamiliarShape.INSTANCE;
        }
    }

    /** Not the shape written today: the serializer reads it instead. Thrown often enough on old data to skip the stack trace. */
    private static final class UnfamiliarShape extends RuntimeException {
        private static final UnfamiliarShape INSTANCE = new UnfamiliarShape();

        private UnfamiliarShape() {
            super("not the journal entry shape written today", null, false, false);
        }
    }
}
