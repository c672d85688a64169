package io.freelance.ledger.standalone;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The invoice and hour-dispute operations of the GraphQL API, as a frontend sends them over HTTP. */
final class InvoiceApi {

    static final String INVOICE_FIELDS = """
            id number contractId status weekStart periodStart periodEnd issuedAt reviewEndsAt
            client { id } freelancer { id }
            hourlyRate { amount currency } billableCells billableHours overtimeCells
            lines { date cells hours amount { amount currency } }
            cells { cellDateTime manual protected unprotectedReasons }
            amount { amount currency } marketplaceFee { amount currency } totalCharged { amount currency }
            refundedAmount { amount currency }
            payment { reason amount { amount } serviceFee { amount } paidToFreelancer { amount } paidAt availableAt fundsAvailableAt }
            dispute {
              id reason disputedAt responseDueAt response responseNote respondedAt
              cells { cellDateTime protected } disputedAmount { amount } protectedAmount { amount }
              settlement {
                outcome decidedBy { id role } note refundedCells paidCells settledAt
                refundedAmount { amount } marketplaceFeeRefunded { amount } remainingAmount { amount }
              }
            }
            """;

    private final LedgerApi api;

    InvoiceApi(LedgerApi api) {
        this.api = api;
    }

    Response offerHourly(DemoUser client, String key, DemoUser freelancer, String rate) {
        return api.call(client, """
                mutation($input: OfferHourlyContractInput!) {
                  offerHourlyContract(input: $input) { contractId contract { id status } }
                }""", Map.of("input", Map.of("idempotencyKey", key, "freelancerId", freelancer.id(), "title", "Support",
                "hourlyRate", LedgerApi.money(rate, "USD"), "manualTimeAllowed", true)));
    }

    Response invoice(DemoUser user, String invoiceId) {
        return api.call(user, "query($id: ID!) { invoice(id: $id) { %s } }".formatted(INVOICE_FIELDS), Map.of("id", invoiceId));
    }

    /** {@code contractId} null lists the caller's own invoices. */
    Response invoices(DemoUser user, String contractId, int first, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("first", first));
        variables.put("contractId", contractId);
        variables.put("after", after);
        return api.call(user, """
                query($contractId: ID, $first: Int, $after: String) {
                  invoices(contractId: $contractId, first: $first, after: $after) {
                    edges { cursor node { id number status amount { amount } } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""", variables);
    }

    Response contractInvoices(DemoUser user, String contractId) {
        return api.call(user, """
                query($id: ID!) { contract(id: $id) { id invoices(first: 10) { edges { node { id status } } } } }""",
                Map.of("id", contractId));
    }

    Response approve(DemoUser user, String invoiceId) {
        return mutation(user, "approveInvoice", "ApproveInvoiceInput", Map.of("invoiceId", invoiceId));
    }

    Response dispute(DemoUser user, String invoiceId, List<Instant> cells, String reason) {
        return mutation(user, "disputeInvoiceHours", "DisputeInvoiceHoursInput",
                Map.of("invoiceId", invoiceId, "cellDateTimes", texts(cells), "reason", reason));
    }

    /** {@code note} may be null. */
    Response respond(DemoUser user, String invoiceId, String response, String note) {
        Map<String, Object> input = new HashMap<>(Map.of("invoiceId", invoiceId, "response", response));
        input.put("note", note);
        return mutation(user, "respondToHourDispute", "RespondToHourDisputeInput", input);
    }

    Response decide(DemoUser user, String invoiceId, List<Instant> refundedCells, String note) {
        return mutation(user, "decideHourDispute", "DecideHourDisputeInput",
                Map.of("invoiceId", invoiceId, "refundedCellDateTimes", texts(refundedCells), "note", note));
    }

    private Response mutation(DemoUser user, String mutation, String inputType, Map<String, Object> input) {
        return api.call(user, """
                mutation($input: %s!) { %s(input: $input) { invoiceId pending invoice { %s } } }"""
                .formatted(inputType, mutation, INVOICE_FIELDS), Map.of("input", input));
    }

    private static List<String> texts(List<Instant> instants) {
        return instants.stream().map(Instant::toString).toList();
    }
}
