package io.freelance.ledger.query.ledger;

import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.graphql.Pages;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.query.ledger.AccountBalance;
import io.freelance.ledger.query.ledger.LedgerPosting;
import io.freelance.ledger.query.ledger.LedgerReadModel;
import io.freelance.ledger.query.ledger.TrialBalance;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** Balances, statements and the trial balance. {@code LedgerAccount} is an {@link AccountBalance} with a statement. */
@Controller
public class LedgerQueryController {

    private static final int MAX_ACCOUNT_NAME_LENGTH = 200;
    /** A posting's number on its account's statement, which pages are read by. */
    private static final String POSTING_KEY = "posting";

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
        LedgerAccount named = LedgerAccount.parse("account", Inputs.requiredText("account", account, MAX_ACCOUNT_NAME_LENGTH));
        String currencyCode = Inputs.currency("currency", currency);
        access.requireReadable(actor, named);
        return ledger.balance(named.name(), currencyCode)
                .orElseGet(() -> new AccountBalance(named.name(), currencyCode, Money.zero(currencyCode)));
    }

    @SchemaMapping(typeName = "LedgerAccount")
    public Window<LedgerPosting> statement(AccountBalance account, ScrollSubrange page) {
        int pageSize = Pages.size(page);
        Long before = Pages.after(page).map(keys -> Pages.number(keys, POSTING_KEY)).orElse(null);
        List<LedgerPosting> postings = ledger.statement(account.account(), account.currency(), pageSize, before);
        return Pages.window(postings, pageSize, posting -> Map.of(POSTING_KEY, posting.number()), Function.identity());
    }

    @QueryMapping
    public TrialBalance trialBalance(@Argument String currency, Caller caller) {
        access.requireFinance(caller.actor());
        return ledger.trialBalance(Inputs.currency("currency", currency));
    }
}
