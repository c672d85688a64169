package io.freelance.ledger.query.ledger;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.query.contract.ContractAccess;
import org.springframework.stereotype.Component;

/**
 * Who may read a ledger account: its owner, the parties of the contract an escrow account belongs
 * to (and dispute handlers, who rule on escrow), and finance, who may read everything. The decision
 * reads the account's kind and owner, and never looks at whether the account exists, so a refusal
 * reveals nothing.
 */
@Component
public class LedgerAccess {

    private final ContractAccess contractAccess;

    public LedgerAccess(ContractAccess contractAccess) {
        this.contractAccess = contractAccess;
    }

    public void requireReadable(Actor actor, LedgerAccount account) {
        if (!mayRead(actor, account)) {
            throw RuleViolation.forbidden("account", "account.access",
                    "You may read your own accounts and the escrow accounts of your contracts.");
        }
    }

    public void requireFinance(Actor actor) {
        if (actor.role() != Role.FINANCE) {
            throw RuleViolation.forbidden(null, "role.finance", "Only the finance team may read the trial balance.");
        }
    }

    private boolean mayRead(Actor actor, LedgerAccount account) {
        if (actor.role() == Role.FINANCE) {
            return true;
        }
        return switch (account.kind().owner()) {
            case CLIENT, FREELANCER -> actor.userId().equals(account.ownerId());
            case CONTRACT -> actor.role() == Role.DISPUTE_HANDLER || contractAccess.isParty(actor, account.ownerId());
            case PLATFORM -> false;
        };
    }
}
