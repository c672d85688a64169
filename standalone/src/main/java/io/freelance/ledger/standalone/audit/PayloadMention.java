package io.freelance.ledger.standalone.audit;

import java.nio.charset.StandardCharsets;

/**
 * Whether a stored payload names an account, told from its bytes before anything is decoded: an as-of
 * balance reads a whole day's events (thousands) to find the few on one account, and decoding every one of
 * them was most of its time. The payloads are the event serializer's JSON, which writes an account name as
 * it is when every character is printable ASCII other than a quote or a backslash; for such a name, a
 * payload without its bytes cannot hold a leg on the account. A name with any other character could be
 * written escaped, so it filters nothing. A payload that holds the bytes elsewhere is decoded as before:
 * this only ever skips, never picks.
 */
final class PayloadMention {

    static final PayloadMention ANY = new PayloadMention(null);

    private final byte[] text;

    private PayloadMention(byte[] text) {
        this.text = text;
    }

    static PayloadMention of(String account) {
        if (account == null || account.isEmpty()) {
            return ANY;
        }
        for (int position = 0; position < account.length(); position++) {
            char character = account.charAt(position);
            if (character < 0x20 || character > 0x7e || character == '"' || character == '\\') {
                return ANY;
            }
        }
        return new PayloadMention(account.getBytes(StandardCharsets.US_ASCII));
    }

    boolean isIn(byte[] payload) {
        if (text == null) {
            return true;
        }
        byte first = text[0];
        for (int start = 0, last = payload.length - text.length; start <= last; start++) {
            if (payload[start] == first && matchesAt(payload, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(byte[] payload, int start) {
        for (int offset = 1; offset < text.length; offset++) {
            if (payload[start + offset] != text[offset]) {
                return false;
            }
        }
        return true;
    }
}
