package io.freelance.ledger.query.ledger.audit;

import java.util.HashSet;
import java.util.Set;

/**
 * The journal entry ids a replay has applied, to tell a repeat. The service's entry ids are name-based
 * UUIDs in their canonical text form, which are held here as their 128 bits in an open-addressing table of
 * longs: a million of them as strings in a {@code HashSet} took about 130 MB, all of it surviving into the
 * old generation, and the young collections that copied it there were a good part of a replay's time. Any
 * other id, upper-case or of another shape, is kept as text; canonical text and bits map one to one, so
 * "seen" means exactly what it means for the strings.
 */
final class EntryIdSet {

    private static final int CANONICAL_LENGTH = 36;
    private static final int INITIAL_SLOTS = 1 << 12;

    private final Set<String> otherIds = new HashSet<>();
    /** Slot i holds bits (slots[2i], slots[2i+1]); (0, 0) marks a free slot, and the all-zero id is kept apart. */
    private long[] slots = new long[INITIAL_SLOTS * 2];
    private int uuids;
    private boolean zeroSeen;

    /** True when the id is new. */
    boolean add(String entryId) {
        if (!isCanonicalUuid(entryId)) {
            return otherIds.add(entryId);
        }
        long high = hexBits(entryId, 0, 18);
        long low = hexBits(entryId, 19, CANONICAL_LENGTH);
        if (high == 0 && low == 0) {
            boolean added = !zeroSeen;
            zeroSeen = true;
            return added;
        }
        if ((uuids + 1) * 2 > slots.length / 2) {
            grow();
        }
        if (insert(slots, high, low)) {
            uuids++;
            return true;
        }
        return false;
    }

    int size() {
        return uuids + otherIds.size() + (zeroSeen ? 1 : 0);
    }

    private static boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        for (int slot = mix(high, low) & mask; ; slot = (slot + 1) & mask) {
            long slotHigh = table[slot * 2];
            long slotLow = table[slot * 2 + 1];
            if (slotHigh == 0 && slotLow == 0) {
                table[slot * 2] = high;
                table[slot * 2 + 1] = low;
                return true;
            }
            if (slotHigh == high && slotLow == low) {
                return false;
            }
        }
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (int slot = 0; slot < slots.length; slot += 2) {
            if (slots[slot] != 0 || slots[slot + 1] != 0) {
                insert(larger, slots[slot], slots[slot + 1]);
            }
        }
        slots = larger;
    }

    private static int mix(long high, long low) {
        long bits = high * 0x9E3779B97F4A7C15L ^ low;
        bits ^= bits >>> 33;
        bits *= 0xFF51AFD7ED558CCDL;
        bits ^= bits >>> 33;
        return (int) bits;
    }

    /** Exactly {@code UUID.toString()}'s shape: lower-case hex digits, dashes at 8, 13, 18 and 23. */
    private static boolean isCanonicalUuid(String id) {
        if (id.length() != CANONICAL_LENGTH) {
            return false;
        }
        for (int position = 0; position < CANONICAL_LENGTH; position++) {
            char character = id.charAt(position);
            boolean dash = position == 8 || position == 13 || position == 18 || position == 23;
            if (dash ? character != '-' : !(character >= '0' && character <= '9' || character >= 'a' && character <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The hex digits in [from, to), dashes skipped: 16 digits, 64 bits. */
    private static long hexBits(String id, int from, int to) {
        long bits = 0;
        for (int position = from; position < to; position++) {
            char character = id.charAt(position);
            if (character != '-') {
                bits = bits << 4 | Character.digit(character, 16);
            }
        }
        return bits;
    }
}
