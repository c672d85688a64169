package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.MilestoneTerms;
import java.util.HashMap;
import java.util.Map;

/**
 * The idempotency ids the account's commands were carried out under, each with what it was first used for.
 * An id stands for the client's idempotency key (the API derives it from the key, so it is not the HTTP
 * request id). Rebuilt from the events, so a retry is recognised after a restart or a replay as well.
 * Bounded: each milestone is added, funded and approved once.
 */
final class UsedIdempotencyIds {

    private final Map<String, FirstUse> firstUseById = new HashMap<>();

    /**
     * True when {@code request} was carried out under this id before, so the caller does nothing again and
     * answers as the first time. The same id for a different request is refused rather than answered with
     * the first one's result: the caller would take its second request for done.
     */
    boolean isRepeat(String idempotencyId, FirstUse request) {
        FirstUse first = firstUseById.get(idempotencyId);
        if (first == null) {
            return false;
        }
        if (!first.action().equals(request.action())) {
            throw reused("This idempotencyKey was first used to %s.".formatted(first.action()));
        }
        if (!first.sameArgumentsAs(request)) {
            throw reused("This idempotencyKey was first used to %s with other arguments.".formatted(first.action()));
        }
        return true;
    }

    void record(String idempotencyId, FirstUse use) {
        if (idempotencyId != null) {
            firstUseById.put(idempotencyId, use);
        }
    }

    private static RuleViolation reused(String firstUse) {
        return RuleViolation.conflict("idempotencyKey", "idempotencyKey.reused", firstUse
                + " A retry must repeat the request exactly; a new request needs a new idempotencyKey. Nothing was recorded.");
    }

    /**
     * What an id was first used for: an action, and a fingerprint of the arguments the action does not
     * name. No fingerprint means nothing more to compare: funding has no other argument, and approvals
     * recorded before fingerprints were compared by their milestone alone.
     */
    record FirstUse(String action, String argumentsFingerprint) {

        /** The added milestone's id is the idempotency id; its terms are the arguments. */
        static FirstUse adding(MilestoneTerms terms) {
            return new FirstUse("add a milestone", ArgumentsFingerprint.of()
                    .text(terms.description())
                    .money(terms.depositAmount())
                    .date(terms.dueDate())
                    .digest());
        }

        static FirstUse funding(String milestoneId) {
            return new FirstUse("fund milestone '%s'".formatted(milestoneId), null);
        }

        static FirstUse approval(String milestoneId, String argumentsFingerprint) {
            return new FirstUse("approve milestone '%s'".formatted(milestoneId), argumentsFingerprint);
        }

        /** As given: an omitted release amount (the whole deposit) differs from one written out. */
        static String approvalArguments(Money releaseAmount, Money bonus, String note) {
            return ArgumentsFingerprint.of().money(releaseAmount).money(bonus).text(note).digest();
        }

        boolean sameArgumentsAs(FirstUse retry) {
            return argumentsFingerprint == null || argumentsFingerprint.equals(retry.argumentsFingerprint);
        }
    }
}
