package io.freelance.ledger.query.api;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a contract. Parties see and act on their own contracts; finance and
 * dispute handlers may read any contract but act on none here. Anyone else gets NOT_FOUND, the
 * same answer as for an id that does not exist, so ids of other people's contracts reveal nothing.
 */
@Component
public class ContractAccess {

    private static final Set<Role> OVERSEERS = EnumSet.of(Role.FINANCE, Role.DISPUTE_HANDLER);

    private final ContractReadModel contracts;

    public ContractAccess(ContractReadModel contracts) {
        this.contracts = contracts;
    }

    public ContractView requireReadable(Actor actor, String field, String contractId) {
        return contracts.findById(contractId)
                .filter(contract -> contract.hasParty(actor.userId()) || OVERSEERS.contains(actor.role()))
                .orElseThrow(() -> notFound(field, contractId));
    }

    public ContractView requireParty(Actor actor, String field, String contractId) {
        return partyView(actor, contractId).orElseThrow(() -> notFound(field, contractId));
    }

    public boolean isParty(Actor actor, String contractId) {
        return partyView(actor, contractId).isPresent();
    }

    private Optional<ContractView> partyView(Actor actor, String contractId) {
        return contracts.findById(contractId).filter(contract -> contract.hasParty(actor.userId()));
    }

    private static RuleViolation notFound(String field, String contractId) {
        return RuleViolation.notFound(field, "contract.not-found", "There is no contract " + contractId + " that you are a party to.");
    }
}
