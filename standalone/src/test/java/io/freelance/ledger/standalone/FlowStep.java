package io.freelance.ledger.standalone;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The steps of a fixed-price flow with one milestone, in order, each with the state it leaves behind. */
enum FlowStep {
    OFFER("offerFixedPriceContract", true),
    ACCEPT("acceptContract", false),
    FUND("fundMilestone", true),
    SUBMIT("submitMilestone", false),
    APPROVE("approveMilestone", true);

    private final String mutation;
    private final boolean idempotencyKey;

    FlowStep(String mutation, boolean idempotencyKey) {
        this.mutation = mutation;
        this.idempotencyKey = idempotencyKey;
    }

    String mutation() {
        return mutation;
    }

    /** A retry with the same key must be acknowledged; without a key a repeat may be refused as a conflict. */
    boolean hasIdempotencyKey() {
        return idempotencyKey;
    }

    Optional<FlowStep> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    boolean isAtLeast(FlowStep other) {
        return compareTo(other) >= 0;
    }

    /**
     * The last step whose effect this contract shows; empty when it shows none (no contract). An
     * automatic release counts as the approval: both release the milestone.
     */
    static Optional<FlowStep> reachedBy(JsonNode contract) {
        if (contract == null || contract.isMissingNode() || contract.isNull()) {
            return Optional.empty();
        }
        String contractStatus = contract.path("status").asString();
        String milestoneStatus = contract.path("milestones").path(0).path("status").asString();
        if ("OFFERED".equals(contractStatus)) {
            return Optional.of(OFFER);
        }
        if (!"ACTIVE".equals(contractStatus)) {
            throw new IllegalStateException("A flow's contract should never be " + contractStatus + ": " + contract);
        }
        return Optional.of(switch (milestoneStatus) {
            case "NOT_FUNDED" -> ACCEPT;
            case "ACTIVE" -> FUND;
            case "SUBMITTED" -> SUBMIT;
            case "RELEASED" -> APPROVE;
            default -> throw new IllegalStateException("A flow's milestone should never be " + milestoneStatus + ": " + contract);
        });
    }
}
