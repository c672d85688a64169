package io.freelance.ledger.query.graphql;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NonNullType;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names the input value graphql-java refused. graphql-java refuses a value written into the document while
 * it validates the document, and a variable's value while it coerces the variables, before any resolver
 * runs; either way its error names at most the argument or the variable, never the field inside it
 * ({@code milestones[1].depositAmount.amount}), and its sentence prints Java types or syntax-tree objects.
 * <p>
 * This walks the operation's arguments once, each variable's value standing where the variable is used,
 * and returns the first value the schema refuses ({@link InputValues}) as an {@link InputProblem}.
 * graphql-java stays the judge of whether a request is refused; this only says where.
 */
final class InputProblemFinder {

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
    private final Set<String> fragmentsVisited = new HashSet<>();
    private final Map<String, VariableDefinition> variableDefinitions = new LinkedHashMap<>();
    private final Map<String, Object> variables;

    private InputProblemFinder(GraphQLSchema schema, Document document, OperationDefinition operation,
                               Map<String, Object> variables) {
        this.schema = schema;
        this.variables = variables;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.putIfAbsent(fragment.getName(), fragment));
        operation.getVariableDefinitions().forEach(definition -> variableDefinitions.put(definition.getName(), definition));
    }

    /** The first value written into the document that the schema refuses; variables are not looked at. */
    static Optional<InputProblem> inLiterals(GraphQLSchema schema, Document document, String operationName) {
        return find(schema, document, operationName, null);
    }

    /** The first value the schema refuses, written into the document or given as a variable. */
    static Optional<InputProblem> inVariables(GraphQLSchema schema, Document document, String operationName,
                                              Map<String, Object> variables) {
        return find(schema, document, operationName, variables);
    }

    private static Optional<InputProblem> find(GraphQLSchema schema, Document document, String operationName,
                                               Map<String, Object> variables) {
        return operation(document, operationName).flatMap(operation -> new InputProblemFinder(schema, document, operation, variables)
                .inSelections(operation.getSelectionSet(), rootType(schema, operation)));
    }

    private static Optional<OperationDefinition> operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
        }
        return operations.stream().filter(operation -> operationName.equals(operation.getName())).findFirst();
    }

    private static GraphQLType rootType(GraphQLSchema schema, OperationDefinition operation) {
        return switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    private Optional<InputProblem> inSelections(SelectionSet selections, GraphQLType parentType) {
        if (selections == null || !(parentType instanceof GraphQLFieldsContainer parent)) {
            return Optional.empty();
        }
        for (Selection<?> selection : selections.getSelections()) {
            Optional<InputProblem> problem = inSelection(selection, parent);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<InputProblem> inSelection(Selection<?> selection, GraphQLFieldsContainer parent) {
        if (selection instanceof Field field) {
            return inField(field, parent);
        }
        if (selection instanceof InlineFragment inline) {
            GraphQLType type = inline.getTypeCondition() == null ? parent : schema.getType(inline.getTypeCondition().getName());
            return inSelections(inline.getSelectionSet(), type);
        }
        if (selection instanceof FragmentSpread spread && fragmentsVisited.add(spread.getName())
                && fragments.containsKey(spread.getName())) {
            FragmentDefinition fragment = fragments.get(spread.getName());
            return inSelections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()));
        }
        return Optional.empty();
    }

    private Optional<InputProblem> inField(Field field, GraphQLFieldsContainer parent) {
        GraphQLFieldDefinition definition = Introspection.getFieldDefinition(schema, parent, field.getName());
        if (definition == null) {
            return Optional.empty();
        }
        for (Argument argument : field.getArguments()) {
            GraphQLArgument argumentDefinition = definition.getArgument(argument.getName());
            if (argumentDefinition != null) {
                Optional<InputProblem> problem = InputValues.check(argumentDefinition.getType(), plain(argument.getValue()),
                        List.of(argument.getName()));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return inSelections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
    }

    /**
     * A value written into the document as a variable's value would arrive (strings, numbers, maps, lists),
     * so that one walk checks both; a variable stands as its value.
     */
    private Object plain(Value<?> value) {
        if (value instanceof VariableReference variable) {
            return variableValue(variable.getName());
        }
        if (value instanceof ObjectValue object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            object.getObjectFields().forEach(field -> fields.put(field.getName(), plain(field.getValue())));
            return fields;
        }
        if (value instanceof ArrayValue array) {
            List<Object> elements = new ArrayList<>(array.getValues().size());
            array.getValues().forEach(element -> elements.add(plain(element)));
            return elements;
        }
        if (value instanceof StringValue text) {
            return text.getValue();
        }
        if (value instanceof IntValue number) {
            return number.getValue();
        }
        if (value instanceof FloatValue number) {
            return number.getValue();
        }
        if (value instanceof BooleanValue truth) {
            return truth.isValue();
        }
        if (value instanceof EnumValue name) {
            return name.getName();
        }
        return null;
    }

    /** A variable graphql-java takes its default for, or that it has not coerced yet, is not checked. */
    private Object variableValue(String name) {
        VariableDefinition definition = variableDefinitions.get(name);
        if (variables == null || definition == null) {
            return InputValues.NOT_CHECKED;
        }
        boolean declaredNonNull = definition.getType() instanceof NonNullType;
        if (variables.containsKey(name)) {
            Object value = variables.get(name);
            return value == null && declaredNonNull ? InputValues.MISSING : value;
        }
        if (definition.getDefaultValue() == null && declaredNonNull) {
            return InputValues.MISSING;
        }
        return InputValues.NOT_CHECKED;
    }
}
