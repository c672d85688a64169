package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a contract. Parties see and act on their own contracts; finance and
 * dispute handlers may read any contract but act on none here, and are told so (FORBIDDEN): a
 * "not found" would contradict what they can read. Anyone else gets NOT_FOUND, the same answer as
 * for an id that does not exist, so ids of other people's contracts reveal nothing.
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

    /**
     * Finance and dispute handlers read contracts but change none: told so (FORBIDDEN), which needs no
     * read. Whether anyone else is a party is the contract aggregate's decision.
     */
    public void requireMayChangeContracts(Actor actor, String field, String contractId) {
        if (OVERSEERS.contains(actor.role())) {
            throw readOnly(actor, field, contractId);
        }
    }

    public boolean isParty(Actor actor, String contractId) {
        return contracts.findById(contractId).filter(contract -> contract.hasParty(actor.userId())).isPresent();
    }

    private static RuleViolation readOnly(Actor actor, String field, String contractId) {
        String role = actor.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return RuleViolation.forbidden(field, "role.read-only", "Your role (" + role + ") may read contracts such as "
                + contractId + " but not change them; only a contract's client and freelancer can.");
    }

    private static RuleViolation notFound(String field, String contractId) {
        return RuleViolation.notFound(field, "contract.not-found", "There is no contract " + contractId + " that you are a party to.");
    }
}
