package io.freelance.ledger.query.ledger.chain;

import java.time.Instant;

/**
 * The last link of the chain: what the next entry links to, and what an anchor records. Sequence 0
 * with the genesis hash while the chain is empty.
 */
public record ChainHead(long sequence, String entryId, String hash, Instant appendedAt) {

    public static final ChainHead EMPTY = new ChainHead(0, null, CanonicalEntry.GENESIS_HASH, null);

    public boolean isEmpty() {
        return sequence == 0;
    }
}
