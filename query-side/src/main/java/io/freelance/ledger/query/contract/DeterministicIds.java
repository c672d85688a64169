package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.NameBasedId;

/**
 * Ids derived from the caller's idempotency key, so a retried mutation names the same contract,
 * milestone or request and the command side recognises the repeat. Each kind of id has its own
 * namespace, so the same key never yields the same id for two different things.
 */
public final class DeterministicIds {

    private DeterministicIds() {
    }

    public static String contractId(String clientId, String idempotencyKey) {
        return nameBased("contract", clientId, idempotencyKey);
    }

    public static String offeredMilestoneId(String contractId, int index) {
        return nameBased("offered-milestone", contractId, Integer.toString(index));
    }

    public static String addedMilestoneId(String contractId, String idempotencyKey) {
        return nameBased("added-milestone", contractId, idempotencyKey);
    }

    public static String requestId(String purpose, String contractId, String milestoneId, String idempotencyKey) {
        return nameBased(purpose, contractId, milestoneId, idempotencyKey);
    }

    private static String nameBased(String... parts) {
        return NameBasedId.of(parts);
    }
}
