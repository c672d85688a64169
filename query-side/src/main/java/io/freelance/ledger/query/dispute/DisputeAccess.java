package io.freelance.ledger.query.dispute;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a dispute: its two parties see their own and act as parties; dispute handlers see every
 * dispute, mediate and decide; finance sees every dispute and acts on none. Anyone else gets NOT_FOUND, the same
 * answer as for an id that does not exist, so dispute ids reveal nothing.
 */
@Component
public class DisputeAccess {

    private static final Set<Role> OVERSEERS = EnumSet.of(Role.FINANCE, Role.DISPUTE_HANDLER);

    private final DisputeReadModel disputes;

    public DisputeAccess(DisputeReadModel disputes) {
        this.disputes = disputes;
    }

    public DisputeView requireReadable(Actor actor, String field, String disputeId) {
        return disputes.findById(disputeId)
                .filter(dispute -> OVERSEERS.contains(actor.role()) || dispute.hasParty(actor.userId()))
                .orElseThrow(() -> notFound(field, disputeId));
    }

    /** @param field what the refusal names: the dispute's id, or the query when it names no dispute */
    static void requireHandler(Actor actor, String field, String action) {
        if (actor.role() != Role.DISPUTE_HANDLER) {
            throw RuleViolation.forbidden(field, "dispute.handler-only",
                    "Only a dispute handler can %s.".formatted(action));
        }
    }

    /** Handlers and finance read every dispute but act for no party. */
    static void requirePartyRole(Actor actor, String field, String action) {
        if (OVERSEERS.contains(actor.role())) {
            throw RuleViolation.forbidden(field, "dispute.parties-only",
                    "Only the dispute's client or freelancer can %s.".formatted(action));
        }
    }

    static RuleViolation notFound(String field, String disputeId) {
        return RuleViolation.notFound(field, "dispute.not-found",
                "There is no dispute " + disputeId + " that you are a party to.");
    }
}
