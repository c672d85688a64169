package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * The embedded read store's document format: every value type a document holds comes back as it went in, in
 * its own Java type; values H2's default type wrote (files from earlier builds) still read; a document BSON
 * cannot carry is kept the old way instead of failing the commit; documents side by side in one page each
 * read back whole.
 */
class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void everyValueTypeOfADocumentComesBackAsItWentIn() {
        Document document = SampleDocuments.everyValueType();

        Document read = roundTrip(document);

        assertThat(read).isEqualTo(document);
        assertThat(read.keySet()).as("field order").containsExactlyElementsOf(document.keySet());
        assertThat(read.get("int")).isInstanceOf(Integer.class);
        assertThat(read.get("long")).isInstanceOf(Long.class);
        assertThat(read.get("nested")).isInstanceOf(Document.class);
    }

    @Test
    void aDocumentWrittenWithJavaSerializationByEarlierBuildsStillReads() {
        Document document = new Document("_id", "contract-1").append("version", 3L).append("title", "Logo");
        WriteBuffer written = new WriteBuffer();
        new ObjectDataType().write(written, document);

        Document read = type.read(flipped(written));

        assertThat(read).isEqualTo(document);
    }

    @Test
    void aValueBsonHasNoCodeForIsKeptWithJavaSerializationInsteadOfFailingTheCommit() {
        Document document = new Document("_id", "odd").append("date", new java.util.Date(0)).append("short", (short) 3);
        WriteBuffer written = new WriteBuffer();
        type.write(written, document);
        ByteBuffer bytes = flipped(written);

        assertThat(bytes.get(0)).as("the tag of H2's Java-serialized values").isNotEqualTo(BsonDocumentType.BSON_TAG);
        assertThat(type.read(bytes)).isEqualTo(document);
    }

    @Test
    void documentsSideBySideInOnePageEachReadBackWhole() {
        List<Document> page = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            page.add(new Document("_id", "doc-" + i).append("padding", "x".repeat(i * 97)).append("n", (long) i));
        }
        page.add(new Document("_id", "legacy").append("date", new java.util.Date(5)));
        page.add(new Document("_id", "chunk").append("data", new BinData(filled(2 * 1024 * 1024))));
        page.add(new Document("_id", "after-the-chunk"));
        WriteBuffer written = new WriteBuffer();
        type.write(written, page.toArray(new Document[0]), page.size());

        Document[] read = type.createStorage(page.size());
        ByteBuffer bytes = flipped(written);
        type.read(bytes, read, read.length);

        assertThat(read).containsExactlyElementsOf(page);
        assertThat(bytes.remaining()).as("bytes left over after the page").isZero();
    }

    @Test
    void aPageReadBackAndWrittenAgainUnchangedKeepsItsBytes() {
        Document[] page = {new Document("_id", "a").append("amount", new Decimal128(new BigDecimal("10.50"))),
                new Document("_id", "b").append("notes", List.of("one", "two"))};
        WriteBuffer first = new WriteBuffer();
        type.write(first, page, page.length);
        byte[] firstBytes = bytesOf(first);

        Document[] readBack = type.createStorage(page.length);
        type.read(ByteBuffer.wrap(firstBytes), readBack, readBack.length);
        WriteBuffer again = new WriteBuffer();
        type.write(again, readBack, readBack.length);

        assertThat(bytesOf(again)).isEqualTo(firstBytes);
    }

    @Test
    void theMemoryEstimateGrowsWithTheDocument() {
        Document small = new Document("_id", "a");
        Document large = new Document("_id", "a").append("text", "x".repeat(10_000))
                .append("list", List.of(new Document("k", 1L), new Document("k", 2L)));

        assertThat(type.getMemory(large)).isGreaterThan(type.getMemory(small) + 10_000);
    }

    private Document roundTrip(Document document) {
        WriteBuffer written = new WriteBuffer();
        type.write(written, document);
        ByteBuffer bytes = flipped(written);
        assertThat(bytes.get(0)).isEqualTo(BsonDocumentType.BSON_TAG);
        Document read = type.read(bytes);
        assertThat(bytes.remaining()).isZero();
        return read;
    }

    private static byte[] bytesOf(WriteBuffer written) {
        ByteBuffer buffer = flipped(written);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static ByteBuffer flipped(WriteBuffer written) {
        ByteBuffer buffer = written.getBuffer();
        buffer.flip();
        return buffer;
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 7);
        return bytes;
    }
}
