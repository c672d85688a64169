package io.freelance.ledger.escrow;

/**
 * The escrow account of a contract has its own id, derived from the contract's: aggregate ids share
 * one namespace in the event store, so the two cannot be equal.
 */
public final class EscrowAccountId {

    private static final String PREFIX = "escrow-";

    private EscrowAccountId() {
    }

    public static String forContract(String contractId) {
        return PREFIX + contractId;
    }

    public static String contractOf(String escrowAccountId) {
        return escrowAccountId.substring(PREFIX.length());
    }
}
