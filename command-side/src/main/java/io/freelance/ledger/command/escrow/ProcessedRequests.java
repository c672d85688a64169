package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.RuleViolation;
import java.util.HashMap;
import java.util.Map;

/**
 * Client-chosen request ids of the money commands already carried out, with what each did. Bounded:
 * each milestone is funded once and approved once.
 */
final class ProcessedRequests {

    private final Map<String, String> actionByRequestId = new HashMap<>();

    /**
     * True when this exact request was carried out before, so the caller does nothing again. The same id
     * reused for a different action is a client bug worth reporting rather than silently ignoring.
     */
    boolean isRepeat(String requestId, String action) {
        String previousAction = actionByRequestId.get(requestId);
        if (previousAction == null) {
            return false;
        }
        if (!previousAction.equals(action)) {
            throw RuleViolation.conflict("requestId", "requestId.reused",
                    "Request id '%s' was already used to %s.".formatted(requestId, previousAction));
        }
        return true;
    }

    void record(String requestId, String action) {
        if (requestId != null) {
            actionByRequestId.put(requestId, action);
        }
    }

    static String funding(String milestoneId) {
        return "fund milestone '%s'".formatted(milestoneId);
    }

    static String approval(String milestoneId) {
        return "approve milestone '%s'".formatted(milestoneId);
    }
}
