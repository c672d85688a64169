package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a document as BSON, byte for byte what mongo-java-server's {@link BsonEncoder} writes, for the
 * embedded store's pages ({@link BsonDocumentType}).
 * <p>
 * Why not that encoder: it turns every string and field name into a new byte array, and every list into a
 * new document whose keys are the indexes as new strings. H2 writes a whole page of documents again whenever
 * one of them changes, so under load those copies were the largest share of what the service allocated
 * (a contract's milestones are a list of documents). Here strings go into the buffer directly, list indexes
 * come from a table, and a map is walked by its entries rather than looked up key by key. Values of the rarer
 * types are still written by the library's encoder.
 */
final class DocumentBsonEncoder {

    private static final int TABULATED_INDEXES = 256;
    private static final byte[][] INDEX_NAMES = new byte[TABULATED_INDEXES][];

    static {
        for (int index = 0; index < TABULATED_INDEXES; index++) {
            INDEX_NAMES[index] = Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private DocumentBsonEncoder() {
    }

    static void encodeDocument(Map<String, ?> document, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        for (Map.Entry<String, ?> entry : document.entrySet()) {
            Object value = entry.getValue();
            byte type = BsonEncoder.determineType(value);
            out.writeByte(type);
            writeCString(entry.getKey(), out);
            encodeValue(type, value, out);
        }
        closeDocument(start, out);
    }

    private static void encodeList(Collection<?> list, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        int index = 0;
        for (Object value : list) {
            byte type = BsonEncoder.determineType(value);
            out.writeByte(type);
            if (index < TABULATED_INDEXES) {
                out.writeBytes(INDEX_NAMES[index]);
                out.writeByte(0);
            } else {
                writeCString(Integer.toString(index), out);
            }
            encodeValue(type, value, out);
            index++;
        }
        closeDocument(start, out);
    }

    @SuppressWarnings("unchecked")
    private static void encodeValue(byte type, Object value, ByteBuf out) {
        switch (type) {
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> encodeDocument((Map<String, ?>) value, out);
            case BsonConstants.TYPE_ARRAY -> encodeList((Collection<?>) value, out);
            case BsonConstants.TYPE_UTF8_STRING -> writeString(value.toString(), out);
            case BsonConstants.TYPE_INT32 -> out.writeIntLE((Integer) value);
            case BsonConstants.TYPE_INT64 -> out.writeLongLE((Long) value);
            case BsonConstants.TYPE_BOOLEAN -> out.writeByte(((Boolean) value) ? BsonConstants.BOOLEAN_VALUE_TRUE
                    : BsonConstants.BOOLEAN_VALUE_FALSE);
            case BsonConstants.TYPE_UTC_DATETIME -> out.writeLongLE(((Instant) value).toEpochMilli());
            case BsonConstants.TYPE_NULL -> {
                // No bytes: the type says it all.
            }
            default -> BsonEncoder.encodeValue(type, value, out);
        }
    }

    /** A BSON string: its UTF-8 length with the closing zero, the bytes, the zero. */
    private static void writeString(String text, ByteBuf out) {
        int lengthAt = out.writerIndex();
        out.writeIntLE(0);
        int bytes = writeUtf8(text, out);
        out.writeByte(0);
        out.setIntLE(lengthAt, bytes + 1);
    }

    private static void writeCString(String text, ByteBuf out) {
        writeUtf8(text, out);
        out.writeByte(0);
    }

    /**
     * ASCII text is copied char by char into the buffer's array; anything else goes through the JDK's own
     * encoder, so that unpaired surrogates become {@code ?} exactly as the library's {@code getBytes} makes them.
     */
    private static int writeUtf8(String text, ByteBuf out) {
        int length = text.length();
        out.ensureWritable(length);
        if (out.hasArray()) {
            byte[] array = out.array();
            int at = out.arrayOffset() + out.writerIndex();
            int copied = 0;
            while (copied < length) {
                char next = text.charAt(copied);
                if (next >= 0x80) {
                    break;
                }
                array[at + copied] = (byte) next;
                copied++;
            }
            if (copied == length) {
                out.writerIndex(out.writerIndex() + length);
                return length;
            }
        }
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(encoded);
        return encoded.length;
    }

    /** Ends the document with its zero and writes its length, the length field included, at its start. */
    private static void closeDocument(int start, ByteBuf out) {
        out.writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }
}
