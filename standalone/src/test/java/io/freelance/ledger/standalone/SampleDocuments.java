package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Documents the embedded store's format tests write: one field of every value type the read models keep. */
final class SampleDocuments {

    private SampleDocuments() {
    }

    static Document everyValueType() {
        return new Document("_id", "escrow:c-1/USD")
                .append("int", 42)
                .append("long", 10_500L)
                .append("double", 0.1)
                .append("decimal", new Decimal128(new BigDecimal("1234.56")))
                .append("flag", true)
                .append("nothing", null)
                .append("at", Instant.parse("2026-11-30T12:34:56.789Z"))
                .append("objectId", new ObjectId())
                .append("uuid", UUID.fromString("3f2b6c1e-8d4a-4b7e-9c3d-2a1b0c9d8e7f"))
                .append("bytes", new BinData(new byte[] {0, 1, 2, (byte) 255}))
                .append("timestamp", new BsonTimestamp(Instant.parse("2026-11-30T00:00:00Z"), 7))
                .append("text", "Ünïcödé, emoji \uD83D\uDCB8, and a\nnewline")
                .append("nested", new Document("amount", "100.00").append("currency", "USD")
                        .append("deeper", new Document("legs", List.of(1L, 2L))))
                .append("list", List.of("a", 1, new Document("x", 2L), List.of()));
    }
}
