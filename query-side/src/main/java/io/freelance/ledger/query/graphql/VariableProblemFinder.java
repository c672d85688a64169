package io.freelance.ledger.query.graphql;

import static io.freelance.ledger.query.graphql.InputProblem.append;

import graphql.GraphQLContext;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * graphql-java refuses a variable that is missing for a non-null input field or that a scalar cannot
 * parse, but its error names no field. This repeats its checks on the request's variables, in the same
 * order, to find the first such value and name it as an {@link InputProblem}. A variable used inside a
 * literal ({@code depositAmount: {amount: $amount}}) is named where it is used.
 */
final class VariableProblemFinder {

    private final GraphQLSchema schema;

    private VariableProblemFinder(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** The first variable value graphql-java would refuse; empty when every value would pass. */
    static Optional<InputProblem> find(GraphQLSchema schema, Document document, String operationName,
                                        Map<String, Object> variables) {
        return operation(document, operationName)
                .flatMap(operation -> new VariableProblemFinder(schema).find(operation, fragments(document), variables));
    }

    private Optional<InputProblem> find(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                                        Map<String, Object> variables) {
        Map<String, List<Object>> usages = new HashMap<>();
        collectUsages(operation.getSelectionSet(), fragments, new HashSet<>(), usages);
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            String name = definition.getName();
            GraphQLInputType type = inputType(definition.getType());
            boolean defaulted = !variables.containsKey(name) && definition.getDefaultValue() != null;
            if (type == null || defaulted) {
                continue;
            }
            Optional<InputProblem> problem = check(type, variables.get(name), usages.getOrDefault(name, List.of(name)));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<InputProblem> check(GraphQLInputType type, Object value, List<Object> path) {
        if (value == null) {
            return type instanceof GraphQLNonNull ? Optional.of(InputProblem.missing(path)) : Optional.empty();
        }
        GraphQLInputType nullable = type instanceof GraphQLNonNull nonNull ? (GraphQLInputType) nonNull.getWrappedType() : type;
        if (nullable instanceof GraphQLList list) {
            return checkList((GraphQLInputType) list.getWrappedType(), value, path);
        }
        if (nullable instanceof GraphQLInputObjectType object) {
            return checkObject(object, value, path);
        }
        if (nullable instanceof GraphQLScalarType scalar) {
            return checkScalar(scalar, value, path);
        }
        if (nullable instanceof GraphQLEnumType enumeration) {
            return checkEnum(enumeration, value, path);
        }
        return Optional.empty();
    }

    /** A single value where a list is expected counts as a list of one, as GraphQL coerces it. */
    private Optional<InputProblem> checkList(GraphQLInputType elementType, Object value, List<Object> path) {
        if (!(value instanceof Collection<?> elements)) {
            return check(elementType, value, path);
        }
        int index = 0;
        for (Object element : elements) {
            Optional<InputProblem> problem = check(elementType, element, append(path, index++));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<InputProblem> checkObject(GraphQLInputObjectType type, Object value, List<Object> path) {
        if (!(value instanceof Map<?, ?> fields)) {
            return Optional.of(InputProblem.notAnObject(type, path));
        }
        for (Object key : fields.keySet()) {
            if (type.getField(String.valueOf(key)) == null) {
                return Optional.of(InputProblem.unknownField(type, append(path, String.valueOf(key))));
            }
        }
        for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
            if (!fields.containsKey(field.getName()) && field.hasSetDefaultValue()) {
                continue;
            }
            Optional<InputProblem> problem = check(field.getType(), fields.get(field.getName()), append(path, field.getName()));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<InputProblem> checkScalar(GraphQLScalarType scalar, Object value, List<Object> path) {
        try {
            scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ENGLISH);
            return Optional.empty();
        } catch (CoercingParseValueException refused) {
            return Optional.of(InputProblem.refusedByScalar(scalar, refused, path));
        }
    }

    private static Optional<InputProblem> checkEnum(GraphQLEnumType enumeration, Object value, List<Object> path) {
        try {
            enumeration.parseValue(value, GraphQLContext.getDefault(), Locale.ENGLISH);
            return Optional.empty();
        } catch (CoercingParseValueException refused) {
            return Optional.of(InputProblem.refusedByEnum(enumeration, path));
        }
    }

    private GraphQLInputType inputType(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            GraphQLInputType wrapped = inputType(nonNull.getType());
            return wrapped == null ? null : GraphQLNonNull.nonNull(wrapped);
        }
        if (type instanceof ListType list) {
            GraphQLInputType element = inputType(list.getType());
            return element == null ? null : GraphQLList.list(element);
        }
        if (type instanceof TypeName name && schema.getType(name.getName()) instanceof GraphQLInputType input) {
            return input;
        }
        return null;
    }

    /** Where each variable is first used in a field's argument: the argument's name, then fields and list positions. */
    private static void collectUsages(SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                      Set<String> fragmentsVisited, Map<String, List<Object>> usages) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                for (Argument argument : field.getArguments()) {
                    collectUsages(argument.getValue(), List.of(argument.getName()), usages);
                }
                collectUsages(field.getSelectionSet(), fragments, fragmentsVisited, usages);
            } else if (selection instanceof InlineFragment inline) {
                collectUsages(inline.getSelectionSet(), fragments, fragmentsVisited, usages);
            } else if (selection instanceof FragmentSpread spread && fragmentsVisited.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                collectUsages(fragments.get(spread.getName()).getSelectionSet(), fragments, fragmentsVisited, usages);
            }
        }
    }

    private static void collectUsages(Value<?> value, List<Object> path, Map<String, List<Object>> usages) {
        if (value instanceof VariableReference variable) {
            usages.putIfAbsent(variable.getName(), path);
        } else if (value instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                collectUsages(field.getValue(), append(path, field.getName()), usages);
            }
        } else if (value instanceof ArrayValue array) {
            for (int index = 0; index < array.getValues().size(); index++) {
                collectUsages(array.getValues().get(index), append(path, index), usages);
            }
        }
    }

    static Optional<OperationDefinition> operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
        }
        return operations.stream().filter(operation -> operationName.equals(operation.getName())).findFirst();
    }

    static Map<String, FragmentDefinition> fragments(Document document) {
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.putIfAbsent(fragment.getName(), fragment));
        return fragments;
    }
}
