package io.freelance.ledger.query.ledger.chain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain head at a moment, to hand to someone outside the service (an auditor, a notary, a
 * printed report). Later, verification given the anchor checks that the chain still reaches the
 * same hash at the same sequence: nothing up to it was altered, removed or reordered since.
 * The export is plain JSON, not signed: its worth comes from being kept outside the service.
 */
public record ChainAnchor(long sequence, String entryId, String hash, Instant anchoredAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ChainAnchor of(ChainHead head, Instant anchoredAt) {
        return new ChainAnchor(head.sequence(), head.entryId(), head.hash(), anchoredAt);
    }

    /** Field order fixed, so two exports of one anchor are the same text. */
    public String export() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("chain", "freelance-ledger/journal");
        fields.put("encoding", CanonicalEntry.VERSION);
        fields.put("algorithm", "SHA-256");
        fields.put("sequence", sequence);
        fields.put("entryId", entryId);
        fields.put("hash", hash);
        fields.put("anchoredAt", anchoredAt.toString());
        return JSON.writeValueAsString(fields);
    }
}
