package io.freelance.ledger.query.operations;

import io.freelance.ledger.query.graphql.Pages;
import java.util.Map;

/**
 * Where a parked letter stands in the list of dead letters, which is ordered by processing group, sequence
 * and place in the sequence: the keys of the list's cursors.
 */
record DeadLetterPosition(String processingGroup, String sequenceIdentifier, long sequenceIndex) {

    private static final String GROUP_KEY = "processingGroup";
    private static final String SEQUENCE_KEY = "sequenceIdentifier";
    private static final String INDEX_KEY = "sequenceIndex";

    static Map<String, Object> keysOf(DeadLetterView letter) {
        return Map.of(GROUP_KEY, letter.processingGroup(), SEQUENCE_KEY, letter.sequenceIdentifier(),
                INDEX_KEY, letter.sequenceIndex());
    }

    /** Refuses the keys of another list's cursor. */
    static DeadLetterPosition of(Map<String, Object> keys) {
        return new DeadLetterPosition(Pages.text(keys, GROUP_KEY), Pages.text(keys, SEQUENCE_KEY), Pages.number(keys, INDEX_KEY));
    }
}
