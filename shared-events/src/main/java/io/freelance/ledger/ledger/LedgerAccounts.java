package io.freelance.ledger.ledger;

/**
 * The chart of accounts. Balances are kept per account and currency; a positive balance is money
 * the account holds. Client charge accounts therefore go negative as the client pays.
 */
public final class LedgerAccounts {

    public static final String SERVICE_FEES = "platform:fees:service";
    public static final String MARKETPLACE_FEES = "platform:fees:marketplace";

    private LedgerAccounts() {
    }

    public static String clientCharges(String clientId) {
        return "client:" + clientId + ":charges";
    }

    public static String clientRefunds(String clientId) {
        return "client:" + clientId + ":refunds";
    }

    public static String escrow(String contractId) {
        return "escrow:" + contractId;
    }

    public static String freelancerPending(String freelancerId) {
        return "freelancer:" + freelancerId + ":pending";
    }

    public static String freelancerAvailable(String freelancerId) {
        return "freelancer:" + freelancerId + ":available";
    }

    /** The user an account belongs to, or null for platform accounts and escrow. */
    public static String ownerOf(String account) {
        String[] parts = account.split(":");
        boolean personal = parts.length == 3 && (parts[0].equals("client") || parts[0].equals("freelancer"));
        return personal ? parts[1] : null;
    }
}
