package io.freelance.ledger.ledger;

/**
 * The chart of accounts. Balances are kept per account and currency; a positive balance is money
 * the account holds. Client charge accounts therefore go negative as the client pays.
 */
public final class LedgerAccounts {

    public static final LedgerAccount SERVICE_FEES = new LedgerAccount(AccountKind.SERVICE_FEES, null);
    public static final LedgerAccount MARKETPLACE_FEES = new LedgerAccount(AccountKind.MARKETPLACE_FEES, null);

    private LedgerAccounts() {
    }

    public static LedgerAccount clientCharges(String clientId) {
        return new LedgerAccount(AccountKind.CLIENT_CHARGES, clientId);
    }

    public static LedgerAccount clientRefunds(String clientId) {
        return new LedgerAccount(AccountKind.CLIENT_REFUNDS, clientId);
    }

    public static LedgerAccount escrow(String contractId) {
        return new LedgerAccount(AccountKind.ESCROW, contractId);
    }

    public static LedgerAccount freelancerPending(String freelancerId) {
        return new LedgerAccount(AccountKind.FREELANCER_PENDING, freelancerId);
    }

    public static LedgerAccount freelancerAvailable(String freelancerId) {
        return new LedgerAccount(AccountKind.FREELANCER_AVAILABLE, freelancerId);
    }
}
