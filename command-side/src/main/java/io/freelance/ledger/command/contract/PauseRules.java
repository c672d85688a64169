package io.freelance.ledger.command.contract;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may pause and resume a contract: a dispute handler, or the service itself when an hour dispute
 * opens and is settled. Not the parties: a pause protects the outcome of a dispute between them, so
 * neither can lift it, and a client cannot stop the freelancer's clock on their own.
 */
final class PauseRules {

    private static final Set<Role> MAY_PAUSE = EnumSet.of(Role.DISPUTE_HANDLER, Role.SYSTEM);

    private PauseRules() {
    }

    /** @param action completing "Only a dispute handler can …" */
    static void requireMayPause(Actor actor, ContractParties parties, String action) {
        if (MAY_PAUSE.contains(actor.role())) {
            return;
        }
        if (actor.role() == Role.CLIENT || actor.role() == Role.FREELANCER) {
            // Someone else's client or freelancer learns nothing about the contract.
            parties.requireParty(actor);
        }
        throw RuleViolation.forbidden("contractId", "contract.dispute-handler-only",
                "Only a dispute handler can %s; contract %s is paused and resumed through its disputes."
                        .formatted(action, parties.contractId()));
    }
}
