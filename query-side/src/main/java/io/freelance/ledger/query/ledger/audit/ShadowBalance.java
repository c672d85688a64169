package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.ledger.LedgerAccount;

/** One account's balance in one currency as the replay rebuilds it, in minor units. Mutable: the replay adds to it. */
public final class ShadowBalance {

    private final String account;
    private final String currency;
    private final String kind;
    private final String ownerId;
    private long balanceMinorUnits;

    ShadowBalance(String account, String currency, String kind, String ownerId) {
        this.account = account;
        this.currency = currency;
        this.kind = kind;
        this.ownerId = ownerId;
    }

    static ShadowBalance of(LedgerAccount account, String currency) {
        return new ShadowBalance(account.name(), currency, account.kind().name(), account.ownerId());
    }

    void add(long minorUnits) {
        balanceMinorUnits = Math.addExact(balanceMinorUnits, minorUnits);
    }

    public String account() {
        return account;
    }

    public String currency() {
        return currency;
    }

    public String kind() {
        return kind;
    }

    public String ownerId() {
        return ownerId;
    }

    public long balanceMinorUnits() {
        return balanceMinorUnits;
    }
}
