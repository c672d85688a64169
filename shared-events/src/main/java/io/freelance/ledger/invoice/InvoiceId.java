package io.freelance.ledger.invoice;

import io.freelance.ledger.common.UtcWeek;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/**
 * The id and the number of a contract's invoice for one week. One invoice per contract-week (DESIGN §4), so
 * both derive from the contract and the week: a deadline that fires twice, or a replay, names the same
 * invoice. The id, such as {@code invoice-c42.2026-W48}, is the key every message uses; the number, such as
 * {@code INV-2026-W48-7K3M9Q2XH4}, is what people read, quote and file.
 */
public final class InvoiceId {

    private static final String PREFIX = "invoice-";
    private static final String NUMBER_PREFIX = "INV-";
    /** Crockford's base-32 alphabet: no I, L, O or U, so a number read aloud or retyped is not misread. */
    private static final char[] BASE_32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int SHORT_CONTRACT_LENGTH = 10;

    private InvoiceId() {
    }

    public static String forWeek(String contractId, LocalDate monday) {
        return PREFIX + contractId + "." + UtcWeek.isoLabel(monday);
    }

    /** True for a string shaped like an invoice id; says nothing about whether the invoice exists. */
    public static boolean isInvoiceId(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    /**
     * The invoice number: the ISO week, then ten base-32 characters derived from the contract id, so every
     * number has the same short shape however long the contract id is. Two contracts share a short code with
     * a chance of about one in 10^15 per pair; the invoice id stays the unique key.
     */
    public static String number(String contractId, LocalDate monday) {
        return NUMBER_PREFIX + UtcWeek.isoLabel(monday) + "-" + shortContract(contractId);
    }

    private static String shortContract(String contractId) {
        byte[] digest = sha256(contractId);
        long bits = 0;
        for (int index = 0; index < 8; index++) {
            bits = (bits << 8) | (digest[index] & 0xFF);
        }
        char[] code = new char[SHORT_CONTRACT_LENGTH];
        for (int index = 0; index < SHORT_CONTRACT_LENGTH; index++) {
            // Five bits per character from the top of the digest.
            code[index] = BASE_32[(int) ((bits >>> (59 - 5 * index)) & 0x1F)];
        }
        return new String(code);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
