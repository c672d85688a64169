package io.freelance.ledger.query.ledger;

import io.freelance.ledger.query.contract.ContractAccess;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.ledger.LedgerAccounts;
import org.springframework.stereotype.Component;

/**
 * Who may read a ledger account: its owner, the parties of the contract an escrow account belongs
 * to (and dispute handlers, who rule on escrow), and finance, who may read everything. The
 * decision never looks at whether the account exists, so a refusal reveals nothing.
 */
@Component
public class LedgerAccess {

    private static final String ESCROW_PREFIX = LedgerAccounts.escrow("");

    private final ContractAccess contractAccess;

    public LedgerAccess(ContractAccess contractAccess) {
        this.contractAccess = contractAccess;
    }

    public void requireReadable(Actor actor, String account) {
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

    private boolean mayRead(Actor actor, String account) {
        if (actor.role() == Role.FINANCE || actor.userId().equals(LedgerAccounts.ownerOf(account))) {
            return true;
        }
        if (!account.startsWith(ESCROW_PREFIX)) {
            return false;
        }
        String contractId = account.substring(ESCROW_PREFIX.length());
        return actor.role() == Role.DISPUTE_HANDLER || contractAccess.isParty(actor, contractId);
    }
}
