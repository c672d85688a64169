package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store's own BSON writer must write exactly the bytes mongo-java-server's encoder writes: files written by
 * either read back with the library's decoder, and a page written again unchanged keeps its bytes.
 */
class DocumentBsonEncoderTest {

    @Test
    void everyValueTypeIsWrittenAsTheLibraryWritesIt() {
        Document document = SampleDocuments.everyValueType()
                .append("off", false)
                .append("regex", new BsonRegularExpression("^a.*", "i"))
                .append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance())
                .append("set", new LinkedHashSet<>(List.of("first", "second")));

        assertThat(ours(document)).isEqualTo(library(document));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "Ünïcödé", "emoji \uD83D\uDCB8", "lone high \uD800 surrogate", "lone low \uDC00",
            "high at the end \uD83D", "a\u0000nul inside", "tab\tand\nnewline", "right-to-left \u202E override", "\u007F\u0080\u07FF\u0800\uFFFF"})
    void textIsWrittenAsTheJdkEncodesItAsValueAndAsFieldName(String text) {
        Document document = new Document(text, text).append("inner", new Document(text, List.of(text)));

        assertThat(ours(document)).isEqualTo(library(document));
    }

    @Test
    void listsLongerThanTheTableOfIndexNamesKeepCounting() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            values.add(i % 2 == 0 ? "value " + i : new Document("n", i));
        }
        Document document = new Document("_id", 1).append("values", values);

        assertThat(ours(document)).isEqualTo(library(document));
    }

    @Test
    void aValueBsonHasNoCodeForIsRefusedAsTheLibraryRefusesIt() {
        Document document = new Document("_id", 1).append("odd", new StringBuilder("not a BSON value"));

        assertThatThrownBy(() -> ours(document)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> library(document)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String ours(Document document) {
        ByteBuf buffer = Unpooled.buffer(16);
        DocumentBsonEncoder.encodeDocument(document, buffer);
        return ByteBufUtil.hexDump(buffer);
    }

    private static String library(Document document) {
        ByteBuf buffer = Unpooled.buffer(16);
        BsonEncoder.encodeDocument(document, buffer);
        return ByteBufUtil.hexDump(buffer);
    }
}
