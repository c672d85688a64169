package io.freelance.ledger.query.api;

/**
 * The command succeeded but the contract's read model did not show it within the wait: the
 * caller should read the contract again shortly (or retry with the same idempotency key).
 */
public class ReadModelBehindException extends RuntimeException {

    public ReadModelBehindException(String contractId) {
        super("The change to contract " + contractId + " was recorded, but the contract cannot be shown yet; "
                + "query it again in a moment.");
    }
}
