package io.freelance.ledger.query.graphql;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLScalarType;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An input value graphql-java refuses before any resolver runs, named the way the resolvers name
 * fields: the path inside the argument, without the mutation's {@code input} ({@code title},
 * {@code milestones[0].depositAmount.amount}); a query argument by its name ({@code first}). Its rule
 * follows the resolvers' too: the field's last segment and what broke ({@code title.required}).
 * The sentences are ours: graphql-java's own name Java types ("it was a 'LinkedHashMap'") and
 * print syntax-tree objects, which callers have no use for.
 */
record InputProblem(String field, String rule, String message) {

    /** The one argument every mutation takes; fields inside it are named without it (DESIGN §6a). */
    private static final String MUTATION_INPUT = "input";

    /** What to expect of a scalar, for the sentence; others read "a valid <name>". */
    private static final Map<String, String> SCALAR_EXPECTATIONS = Map.of(
            "Decimal", "a decimal string such as \"105.00\"",
            "Date", "a date such as \"2025-03-31\"",
            "DateTime", "a UTC date-time such as \"2025-03-31T12:00:00Z\"",
            "Int", "a whole number",
            "Float", "a number",
            "Boolean", "true or false",
            "String", "a string",
            "ID", "a string");

    LedgerError asRefusal() {
        return LedgerError.badRequest(field, rule, message);
    }

    static InputProblem missing(List<Object> path) {
        String field = fieldName(path);
        return new InputProblem(field, rule(field, "required"), field + " is required.");
    }

    static InputProblem notAnObject(GraphQLInputObjectType type, List<Object> path) {
        String field = fieldName(path);
        return new InputProblem(field, rule(field, "type"),
                "%s must be an object with the fields %s.".formatted(field, fieldNames(type)));
    }

    static InputProblem unknownField(GraphQLInputObjectType type, List<Object> path) {
        String field = fieldName(path);
        return new InputProblem(field, rule(field, "unknown-field"),
                "%s is not a field of %s, which has %s.".formatted(field, type.getName(), fieldNames(type)));
    }

    /**
     * A value the scalar refused. Our own scalars give the rule and the sentence in a
     * {@link RuleViolation} cause ({@code date.invalid} becomes {@code dueDate.invalid}); for the others
     * the sentence says what the field takes.
     */
    static InputProblem refusedByScalar(GraphQLScalarType scalar, Throwable refusal, List<Object> path) {
        String field = fieldName(path);
        if (refusal.getCause() instanceof RuleViolation violation) {
            String scalarRule = violation.error().rule();
            String broken = scalarRule.substring(scalarRule.indexOf('.') + 1);
            return new InputProblem(field, rule(field, broken), field + ": " + violation.getMessage());
        }
        return new InputProblem(field, rule(field, "type"), "%s must be %s.".formatted(field,
                SCALAR_EXPECTATIONS.getOrDefault(scalar.getName(), "a valid " + scalar.getName())));
    }

    static InputProblem refusedByEnum(GraphQLEnumType enumeration, List<Object> path) {
        String field = fieldName(path);
        String allowed = enumeration.getValues().stream().map(GraphQLEnumValueDefinition::getName)
                .collect(Collectors.joining(", "));
        return new InputProblem(field, rule(field, "invalid"), "%s must be one of %s.".formatted(field, allowed));
    }

    /** {@code [input, milestones, 0, depositAmount, amount]} → {@code milestones[0].depositAmount.amount}. */
    static String fieldName(List<Object> path) {
        List<Object> named = path.size() > 1 && MUTATION_INPUT.equals(path.get(0)) ? path.subList(1, path.size()) : path;
        StringBuilder name = new StringBuilder();
        for (Object segment : named) {
            if (segment instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(segment);
            }
        }
        return name.toString();
    }

    static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(segment);
        return longer;
    }

    private static String rule(String field, String broken) {
        return TextInput.ruleSubject(field) + "." + broken;
    }

    private static String fieldNames(GraphQLInputObjectType type) {
        return type.getFieldDefinitions().stream().map(GraphQLInputObjectField::getName).collect(Collectors.joining(", "));
    }
}
