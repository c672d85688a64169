package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every argument of every query and mutation the schema lists, found by introspection rather than by a
 * list kept by hand, so an operation added later is covered the day it lands. Each scalar in each argument
 * (inside input objects and lists too) is given hostile values in turn, with every other argument plausible
 * (real ids of a running contract where the name says which): control characters, a bidirectional
 * override, 100,000 characters, numbers past their type, JSON objects and lists where text belongs,
 * injection strings, nulls and enum values the schema does not list. Whatever the operation makes of it,
 * the answer must be one of the API's classified errors or a success: never an internal error, never an
 * unclassified one, never a Java type or a stack trace.
 */
class SchemaWideHostileInputTest extends StandaloneTestBase {

    private static final Set<String> CLASSIFICATIONS = Set.of("BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT");
    private static final Pattern JAVA = Pattern.compile(
            "java\\.|LinkedHashMap|ArrayList|Exception|StringValue\\{|ObjectValue|\\.java:\\d+\\)");
    private static final List<DemoUser> CALLERS = List.of(ALICE, CAROL, ERIN, FRANK, BOB);
    private static final List<Object> HOSTILE_TEXT = Arrays.asList(
            "nul\u0000byte", "\u001b[31mred", "\u202Egnp.exe", "x".repeat(100_000), "1e3", "-99999999999999999999.999",
            "' OR '1'='1", "../../etc/passwd", "", Map.of("$gt", ""), List.of("a", "b"), 1e308, true, null);
    private static final List<Object> HOSTILE_INT = Arrays.asList(2_147_483_648L, -1, 0, -2_147_483_648, 9.5, "1", null);
    private static final List<Object> HOSTILE_BOOLEAN = Arrays.asList("yes", 1, null);
    private static final List<Object> HOSTILE_ENUM = Arrays.asList("NOT_A_VALUE", "", 3, null);

    private static final String INTROSPECTION = """
            { __schema { queryType { name } mutationType { name }
                types { kind name enumValues { name }
                        inputFields { name type { ...typeRef } }
                        fields { name args { name type { ...typeRef } } type { ...typeRef } } } } }
            fragment typeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""";

    private final Map<String, JsonNode> types = new HashMap<>();
    private final Map<String, Object> knownIds = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private int requests;
    private int refusals;

    @Test
    void noArgumentOfAnyOperationMakesTheServiceFailOrShowJava() {
        knowARunningContract();
        JsonNode schema = api.call(ERIN, INTROSPECTION, Map.of()).dataAt("__schema");
        schema.path("types").forEach(type -> types.put(type.path("name").asString(), type));
        int operations = 0;
        for (String root : List.of("query", "mutation")) {
            JsonNode rootType = types.get(schema.path(root + "Type").path("name").asString());
            for (JsonNode field : rootType.path("fields")) {
                if (!field.path("args").isEmpty()) {
                    operations++;
                    attack(root, field);
                }
            }
        }

        System.out.printf("Hostile input: %d operations, %d requests, %d refused with a classified error, %d answered%n",
                operations, requests, refusals, requests - refusals);
        assertThat(operations).as("operations with arguments found by introspection").isGreaterThan(40);
        assertThat(requests).as("hostile requests sent").isGreaterThan(500);
        assertThat(violations).as("answers that failed or showed Java, of %d requests", requests).isEmpty();
    }

    /** A contract of Alice's with Carol, accepted, its first milestone funded; its room. */
    private void knowARunningContract() {
        Response offered = api.offerFixedPrice(ALICE, "hostile-" + UUID.randomUUID(), CAROL.id(), "USD",
                List.of(milestone("Design", "100.00", "USD"), milestone("Build", "200.00", "USD")));
        String contractId = offered.dataAt("offerFixedPriceContract.contractId").asString();
        String milestoneId = offered.dataAt("offerFixedPriceContract.contract.milestones.0.id").asString();
        api.accept(CAROL, contractId).answered();
        api.fund(ALICE, contractId, milestoneId, "hostile-fund-" + UUID.randomUUID()).answered();
        knownIds.put("contractId", contractId);
        knownIds.put("milestoneId", milestoneId);
        knownIds.put("freelancerId", CAROL.id());
        knownIds.put("userId", CAROL.id());
        knownIds.put("clientId", ALICE.id());
        knownIds.put("currency", "USD");
        knownIds.put("amount", "10.00");
        Response room = api.call(ALICE, "query($c: ID!) { contractRoom(contractId: $c) { id } }", Map.of("c", contractId));
        if (room.errors().isMissingNode() || room.errors().isEmpty()) {
            knownIds.put("roomId", room.dataAt("contractRoom.id").asString());
        }
    }

    private void attack(String root, JsonNode field) {
        StringBuilder declarations = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        Map<String, Object> plausible = new LinkedHashMap<>();
        for (JsonNode argument : field.path("args")) {
            String name = argument.path("name").asString();
            declarations.append(declarations.isEmpty() ? "" : ", ").append('$').append(name).append(": ").append(typeText(argument.path("type")));
            arguments.append(arguments.isEmpty() ? "" : ", ").append(name).append(": $").append(name);
            plausible.put(name, plausibleValue(name, argument.path("type")));
        }
        String selection = isObject(field.path("type")) ? " { __typename }" : "";
        String document = "%s(%s) { %s(%s)%s }".formatted(root, declarations, field.path("name").asString(), arguments, selection);
        for (JsonNode argument : field.path("args")) {
            String name = argument.path("name").asString();
            for (Leaf leaf : leaves(name, argument.path("type"), List.of(name))) {
                for (Object hostile : hostileValuesFor(leaf.type())) {
                    Map<String, Object> variables = deepCopy(plausible);
                    put(variables, leaf.path(), hostile);
                    check(document, variables);
                }
            }
        }
    }

    private void check(String document, Map<String, Object> variables) {
        DemoUser caller = CALLERS.get(requests++ % CALLERS.size());
        Response response = api.call(caller, document, variables);
        String body = response.body().toString();
        String where = "%s as %s with %s".formatted(document, caller.id(), abbreviated(variables));
        if (response.status() != 200 && response.status() != 400) {
            violations.add("HTTP " + response.status() + " for " + where + ": " + abbreviated(body));
        }
        if (JAVA.matcher(body).find()) {
            violations.add("Java shown for " + where + ": " + abbreviated(body));
        }
        if (!response.errors().isEmpty()) {
            refusals++;
        }
        for (JsonNode error : response.errors()) {
            String classification = error.path("extensions").path("classification").asString("");
            if (!CLASSIFICATIONS.contains(classification)) {
                violations.add(classification + " for " + where + ": " + abbreviated(error.toString()));
            }
        }
    }

    private record Leaf(List<Object> path, JsonNode type) {
    }

    /** Every scalar or enum inside the value of {@code type}, by its path from the variable (list element 0 for lists). */
    private List<Leaf> leaves(String name, JsonNode type, List<Object> path) {
        JsonNode named = unwrapNonNull(type);
        if (named.path("kind").asString().equals("LIST")) {
            List<Object> element = new ArrayList<>(path);
            element.add(0);
            return leaves(name, named.path("ofType"), element);
        }
        if (!named.path("kind").asString().equals("INPUT_OBJECT")) {
            return List.of(new Leaf(path, named));
        }
        List<Leaf> found = new ArrayList<>();
        for (JsonNode inputField : types.get(named.path("name").asString()).path("inputFields")) {
            List<Object> fieldPath = new ArrayList<>(path);
            fieldPath.add(inputField.path("name").asString());
            found.addAll(leaves(inputField.path("name").asString(), inputField.path("type"), fieldPath));
        }
        return found;
    }

    private Object plausibleValue(String name, JsonNode type) {
        JsonNode named = unwrapNonNull(type);
        switch (named.path("kind").asString()) {
            case "LIST" -> {
                List<Object> list = new ArrayList<>();
                list.add(plausibleValue(name, named.path("ofType")));
                return list;
            }
            case "INPUT_OBJECT" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonNode inputField : types.get(named.path("name").asString()).path("inputFields")) {
                    String fieldName = inputField.path("name").asString();
                    object.put(fieldName, plausibleValue(fieldName, inputField.path("type")));
                }
                return object;
            }
            case "ENUM" -> {
                return types.get(named.path("name").asString()).path("enumValues").get(0).path("name").asString();
            }
            default -> {
                return plausibleScalar(name, named.path("name").asString());
            }
        }
    }

    private Object plausibleScalar(String name, String scalar) {
        if (knownIds.containsKey(name)) {
            return knownIds.get(name);
        }
        return switch (scalar) {
            case "Int" -> name.equals("first") ? 10 : 1;
            case "Float" -> 1.0;
            case "Boolean" -> false;
            case "Date" -> "2027-03-01";
            case "DateTime" -> "2026-11-30T10:00:00Z";
            default -> name.toLowerCase().contains("key") ? "key-" + UUID.randomUUID() : name.toLowerCase().contains("date") ? "2027-03-01"
                    : name.toLowerCase().endsWith("at") || name.equals("from") || name.equals("to") || name.equals("asOf")
                    ? "2026-11-30T10:00:00Z" : "text";
        };
    }

    private static List<Object> hostileValuesFor(JsonNode named) {
        if (named.path("kind").asString().equals("ENUM")) {
            return HOSTILE_ENUM;
        }
        return switch (named.path("name").asString()) {
            case "Int", "Float", "Long" -> HOSTILE_INT;
            case "Boolean" -> HOSTILE_BOOLEAN;
            default -> HOSTILE_TEXT;
        };
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> variables, List<Object> path, Object value) {
        Object container = variables;
        for (int step = 0; step < path.size() - 1; step++) {
            Object key = path.get(step);
            container = key instanceof Integer index ? ((List<Object>) container).get(index) : ((Map<String, Object>) container).get(key);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) container).set(index, value);
        } else {
            ((Map<String, Object>) container).put((String) last, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put((String) key, deepCopy(element)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(deepCopy(element)));
            return (T) copy;
        }
        return value;
    }

    private static JsonNode unwrapNonNull(JsonNode type) {
        return type.path("kind").asString().equals("NON_NULL") ? type.path("ofType") : type;
    }

    private static boolean isObject(JsonNode type) {
        JsonNode named = type;
        while (named.path("kind").asString().equals("NON_NULL") || named.path("kind").asString().equals("LIST")) {
            named = named.path("ofType");
        }
        String kind = named.path("kind").asString();
        return kind.equals("OBJECT") || kind.equals("INTERFACE") || kind.equals("UNION");
    }

    private static String typeText(JsonNode type) {
        return switch (type.path("kind").asString()) {
            case "NON_NULL" -> typeText(type.path("ofType")) + "!";
            case "LIST" -> "[" + typeText(type.path("ofType")) + "]";
            default -> type.path("name").asString();
        };
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " characters)" : text;
    }
}
