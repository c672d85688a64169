package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.common.Role;

/**
 * Who caused an event, as the command's metadata carried it.
 *
 * @param userId null when the reader may not see who it was; the role still says what acted
 */
public record HistoryActor(String userId, Role role) {

    HistoryActor withoutUserId() {
        return new HistoryActor(null, role);
    }
}
