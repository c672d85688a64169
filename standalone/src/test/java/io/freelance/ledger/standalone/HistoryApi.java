package io.freelance.ledger.standalone;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The event history's queries as a dispute handler's or a party's frontend sends them. */
final class HistoryApi {

    static final String EVENT_FIELDS = """
            eventId eventType timestamp aggregateType aggregateId sequenceNumber globalPosition
            actor { userId role } correlationId causationId payload""";

    private final LedgerApi api;

    HistoryApi(LedgerApi api) {
        this.api = api;
    }

    /** {@code filter} and {@code after} may be null. */
    Response contractHistory(DemoUser user, String contractId, Map<String, Object> filter, int first, String after) {
        return history(user, "contractHistory", "contractId", contractId, filter, first, after);
    }

    Response aggregateHistory(DemoUser user, String aggregateId, Map<String, Object> filter, int first, String after) {
        return history(user, "aggregateHistory", "aggregateId", aggregateId, filter, first, after);
    }

    /** Every event of the contract the user may see, page after page of {@code pageSize}. */
    List<JsonNode> wholeContractHistory(DemoUser user, String contractId, Map<String, Object> filter, int pageSize) {
        List<JsonNode> events = new ArrayList<>();
        String after = null;
        while (true) {
            JsonNode connection = contractHistory(user, contractId, filter, pageSize, after).dataAt("contractHistory");
            connection.path("edges").forEach(edge -> events.add(edge.path("node")));
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                return events;
            }
            after = connection.path("pageInfo").path("endCursor").asString();
        }
    }

    /** The first event of a type in a history, failing when there is none. */
    static JsonNode first(List<JsonNode> events, String eventType) {
        return events.stream().filter(event -> event.path("eventType").asString().equals(eventType)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + eventType + " in " + types(events)));
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("eventType").asString()).toList();
    }

    private Response history(DemoUser user, String query, String idArgument, String id, Map<String, Object> filter,
                             int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("first", first);
        variables.put("after", after);
        variables.put("filter", filter);
        return api.call(user, """
                query($id: ID!, $filter: HistoryFilter, $first: Int, $after: String) {
                  %s(%s: $id, filter: $filter, first: $first, after: $after) {
                    edges { cursor node { %s } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""".formatted(query, idArgument, EVENT_FIELDS), variables);
    }
}
