package io.freelance.ledger.standalone;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.util.HashMap;
import java.util.Map;

/** The dispute desk's GraphQL operations, as a test calls them. */
final class DisputeApi {

    static final String DISPUTE_FIELDS = """
            id kind status contractId milestoneId invoiceId reason statement response responseDueAt nextDeadline
            client { id } freelancer { id } openedBy { id role }
            disputedAmount { amount currency }
            proposal { number status outcome releaseAmount { amount } refundAmount { amount } acceptedBy answerDueAt }
            settlement { resolution outcome releaseAmount { amount } refundAmount { amount } decidedBy { id role } note }""";

    private final LedgerApi api;

    DisputeApi(LedgerApi api) {
        this.api = api;
    }

    Response dispute(DemoUser user, String disputeId) {
        return api.call(user, "query($id: ID!) { dispute(id: $id) { %s } }".formatted(DISPUTE_FIELDS),
                Map.of("id", disputeId));
    }

    Response queue(DemoUser user, int first, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("first", first));
        if (after != null) {
            variables.put("after", after);
        }
        return api.call(user, """
                query($first: Int, $after: String) {
                  disputeQueue(first: $first, after: $after) {
                    edges { cursor node { id kind status openedAt nextDeadline } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""", variables);
    }

    Response mine(DemoUser user) {
        return api.call(user, "{ myDisputes(first: 100) { edges { node { id status } } } }", Map.of());
    }

    Response disputeRefund(DemoUser freelancer, String contractId, String reason) {
        return api.call(freelancer, """
                mutation($input: DisputeEscrowRefundInput!) {
                  disputeEscrowRefund(input: $input) { contract { id escrow { refund { status } } } }
                }""", Map.of("input", Map.of("contractId", contractId, "reason", reason)));
    }

    Response openMilestoneDispute(DemoUser freelancer, String contractId, String milestoneId, String reason) {
        return mutate(freelancer, "openMilestoneDispute", "OpenMilestoneDisputeInput",
                Map.of("contractId", contractId, "milestoneId", milestoneId, "reason", reason));
    }

    Response respond(DemoUser party, String disputeId, String response, String statement) {
        Map<String, Object> input = new HashMap<>(Map.of("disputeId", disputeId, "response", response));
        if (statement != null) {
            input.put("statement", statement);
        }
        return mutate(party, "respondToDispute", "RespondToDisputeInput", input);
    }

    Response propose(DemoUser handler, String disputeId, String release, String refund, String currency) {
        return mutate(handler, "proposeDisputeSettlement", "ProposeDisputeSettlementInput", Map.of("disputeId", disputeId,
                "outcome", "SPLIT", "releaseAmount", LedgerApi.money(release, currency),
                "refundAmount", LedgerApi.money(refund, currency), "note", "Meet in the middle."));
    }

    Response accept(DemoUser party, String disputeId, int proposalNumber) {
        return mutate(party, "acceptDisputeProposal", "AcceptDisputeProposalInput",
                Map.of("disputeId", disputeId, "proposalNumber", proposalNumber));
    }

    Response reject(DemoUser party, String disputeId, int proposalNumber) {
        return mutate(party, "rejectDisputeProposal", "RejectDisputeProposalInput",
                Map.of("disputeId", disputeId, "proposalNumber", proposalNumber, "reason", "Not enough."));
    }

    Response decideSplit(DemoUser handler, String disputeId, String release, String refund, String currency) {
        return mutate(handler, "decideDispute", "DecideDisputeInput", Map.of("disputeId", disputeId, "outcome", "SPLIT",
                "releaseAmount", LedgerApi.money(release, currency), "refundAmount", LedgerApi.money(refund, currency),
                "note", "Part of the work was delivered."));
    }

    Response decide(DemoUser handler, String disputeId, String outcome) {
        return mutate(handler, "decideDispute", "DecideDisputeInput",
                Map.of("disputeId", disputeId, "outcome", outcome, "note", "Decided on the evidence."));
    }

    private Response mutate(DemoUser user, String mutation, String inputType, Map<String, Object> input) {
        return api.call(user, "mutation($input: %s!) { %s(input: $input) { disputeId pending dispute { %s } } }"
                .formatted(inputType, mutation, DISPUTE_FIELDS), Map.of("input", input));
    }
}
