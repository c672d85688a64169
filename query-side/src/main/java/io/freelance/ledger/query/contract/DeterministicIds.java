package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.NameBasedId;

/**
 * Ids derived from the caller's idempotency key, so a retried mutation names the same contract,
 * milestone or idempotency id and the command side recognises the repeat. Each kind of id has its own
 * namespace, so the same key never yields the same id for two different things. Not to be confused with
 * the HTTP request id ({@code X-Request-Id}), which only correlates a request with its events.
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

    /**
     * One id per contract, kind of mutation and key: the milestone is an argument, not part of the id, so the
     * command side sees the same key used for another milestone and refuses it.
     */
    public static String idempotencyId(String mutation, String contractId, String idempotencyKey) {
        return nameBased(mutation, contractId, idempotencyKey);
    }

    private static String nameBased(String... parts) {
        return NameBasedId.of(parts);
    }
}
