package io.freelance.ledger.dispute;

/** The id of a contract's register of open disputes, such as {@code disputes-c42}. */
public final class ContractDisputesId {

    private static final String PREFIX = "disputes-";

    private ContractDisputesId() {
    }

    public static String forContract(String contractId) {
        return PREFIX + contractId;
    }
}
