package io.freelance.ledger.command.common;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import java.util.Objects;

/**
 * The two people a contract binds, and the checks that keep everyone else out. A user is a party
 * only in the role they hold on the contract, so a client id sent with a freelancer role is nobody.
 */
public record ContractParties(String contractId, String clientId, String freelancerId) {

    public ContractParties {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(freelancerId, "freelancerId");
    }

    public boolean isClient(Actor actor) {
        return actor.role() == Role.CLIENT && actor.userId().equals(clientId);
    }

    public boolean isFreelancer(Actor actor) {
        return actor.role() == Role.FREELANCER && actor.userId().equals(freelancerId);
    }

    /** Someone who is not a party learns nothing, not even that the contract exists. */
    public void requireParty(Actor actor) {
        if (!isClient(actor) && !isFreelancer(actor)) {
            throw RuleViolation.notFound("contractId", "contract.not-found",
                    "No contract %s was found.".formatted(contractId));
        }
    }

    /** @param action what the client alone may do, completing "Only the client can …" */
    public void requireClient(Actor actor, String action) {
        requireParty(actor);
        if (!isClient(actor)) {
            throw RuleViolation.forbidden("contractId", "contract.client-only",
                    "Only the client of contract %s can %s.".formatted(contractId, action));
        }
    }

    /** @param action what the freelancer alone may do, completing "Only the freelancer can …" */
    public void requireFreelancer(Actor actor, String action) {
        requireParty(actor);
        if (!isFreelancer(actor)) {
            throw RuleViolation.forbidden("contractId", "contract.freelancer-only",
                    "Only the freelancer of contract %s can %s.".formatted(contractId, action));
        }
    }
}
