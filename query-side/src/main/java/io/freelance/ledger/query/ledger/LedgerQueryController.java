package io.freelance.ledger.query.ledger;

import io.freelance.ledger.query.graphql.Connection;
import io.freelance.ledger.query.graphql.Cursors;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.graphql.PageSize;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.query.ledger.AccountBalance;
import io.freelance.ledger.query.ledger.LedgerPosting;
import io.freelance.ledger.query.ledger.LedgerReadModel;
import io.freelance.ledger.query.ledger.TrialBalance;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Balances, statements and the trial balance. {@code LedgerAccount} is an {@link AccountBalance} with a statement. */
@Controller
public class LedgerQueryController {

    private static final int MAX_ACCOUNT_NAME_LENGTH = 200;

    private final LedgerAccess access;
    private final LedgerReadModel ledger;

    public LedgerQueryController(LedgerAccess access, LedgerReadModel ledger) {
        this.access = access;
        this.ledger = ledger;
    }

    @QueryMapping
    public List<AccountBalance> ledgerAccounts(Caller caller) {
        Actor actor = caller.actor();
        return actor.role() == Role.FINANCE ? ledger.allBalances() : ledger.balancesOwnedBy(actor.userId());
    }

    /** An account nothing has moved through yet has a zero balance and an empty statement. */
    @QueryMapping
    public AccountBalance ledgerAccount(@Argument String account, @Argument String currency, Caller caller) {
        Actor actor = caller.actor();
        String accountName = Inputs.requiredText("account", account, MAX_ACCOUNT_NAME_LENGTH);
        String currencyCode = Inputs.currency("currency", currency);
        access.requireReadable(actor, accountName);
        return ledger.balance(accountName, currencyCode)
                .orElseGet(() -> new AccountBalance(accountName, currencyCode, Money.zero(currencyCode)));
    }

    @SchemaMapping(typeName = "LedgerAccount")
    public Connection<LedgerPosting> statement(AccountBalance account, @Argument Integer first, @Argument String after) {
        int pageSize = PageSize.of(first);
        List<LedgerPosting> postings = ledger.statement(account.account(), account.currency(), pageSize, Cursors.postingPosition(after));
        return Connection.of(postings, pageSize, posting -> Cursors.ofPosting(posting.number()));
    }

    @QueryMapping
    public TrialBalance trialBalance(@Argument String currency, Caller caller) {
        access.requireFinance(caller.actor());
        return ledger.trialBalance(Inputs.currency("currency", currency));
    }
}
