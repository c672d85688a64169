package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who reads a history, and of which contract: dispute handlers and finance see every event whole, a party of
 * the contract sees it through {@link HistoryRedaction}.
 *
 * @param contractId   the contract the events belong to; null for staff reading an aggregate that names none
 * @param clientId     the contract's client, null where there is no contract
 * @param freelancerId the contract's freelancer, null where there is no contract
 */
record HistoryReader(Actor actor, String contractId, String clientId, String freelancerId) {

    static final Set<Role> STAFF = EnumSet.of(Role.FINANCE, Role.DISPUTE_HANDLER);

    boolean seesEverything() {
        return STAFF.contains(actor.role());
    }

    boolean isPartyOfContract(String userId) {
        return userId != null && (userId.equals(clientId) || userId.equals(freelancerId));
    }
}
