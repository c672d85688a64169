package io.freelance.ledger.query.graphql;

import static io.freelance.ledger.query.graphql.InputProblem.append;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The literal argument value graphql-java's validation refused ({@code dueDate: "2027-02-30"} written
 * into the document), named as an {@link InputProblem}. graphql-java's own message prints the value as
 * a syntax-tree object ({@code StringValue{value='2027-02-30'}}). Variables are left to
 * {@link VariableProblemFinder}.
 */
final class LiteralProblemFinder {

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Set<String> fragmentsVisited = new HashSet<>();

    private LiteralProblemFinder(GraphQLSchema schema, Map<String, FragmentDefinition> fragments) {
        this.schema = schema;
        this.fragments = fragments;
    }

    /** The first literal argument value the schema refuses; empty when there is none. */
    static Optional<InputProblem> find(GraphQLSchema schema, Document document, String operationName) {
        LiteralProblemFinder finder = new LiteralProblemFinder(schema, VariableProblemFinder.fragments(document));
        return VariableProblemFinder.operation(document, operationName)
                .flatMap(operation -> finder.inSelections(operation.getSelectionSet(), rootType(schema, operation)));
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
                Optional<InputProblem> problem = check(argumentDefinition.getType(), argument.getValue(),
                        List.of(argument.getName()));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return inSelections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
    }

    private Optional<InputProblem> check(GraphQLInputType type, Value<?> value, List<Object> path) {
        if (value instanceof VariableReference) {
            return Optional.empty();
        }
        if (value == null || value instanceof NullValue) {
            return type instanceof GraphQLNonNull ? Optional.of(InputProblem.missing(path)) : Optional.empty();
        }
        GraphQLInputType nullable = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
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
    private Optional<InputProblem> checkList(GraphQLInputType elementType, Value<?> value, List<Object> path) {
        if (!(value instanceof ArrayValue array)) {
            return check(elementType, value, path);
        }
        for (int index = 0; index < array.getValues().size(); index++) {
            Optional<InputProblem> problem = check(elementType, array.getValues().get(index), append(path, index));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<InputProblem> checkObject(GraphQLInputObjectType type, Value<?> value, List<Object> path) {
        if (!(value instanceof ObjectValue object)) {
            return Optional.of(InputProblem.notAnObject(type, path));
        }
        for (ObjectField field : object.getObjectFields()) {
            if (type.getField(field.getName()) == null) {
                return Optional.of(InputProblem.unknownField(type, append(path, field.getName())));
            }
        }
        for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
            Optional<ObjectField> given = object.getObjectFields().stream()
                    .filter(candidate -> candidate.getName().equals(field.getName())).findFirst();
            if (given.isEmpty() && field.hasSetDefaultValue()) {
                continue;
            }
            Optional<InputProblem> problem = check(field.getType(), given.map(ObjectField::getValue).orElse(null),
                    append(path, field.getName()));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<InputProblem> checkScalar(GraphQLScalarType scalar, Value<?> value, List<Object> path) {
        try {
            scalar.getCoercing().parseLiteral(value, CoercedVariables.emptyVariables(), GraphQLContext.getDefault(),
                    Locale.ENGLISH);
            return Optional.empty();
        } catch (CoercingParseLiteralException refused) {
            return Optional.of(InputProblem.refusedByScalar(scalar, refused, path));
        }
    }

    private static Optional<InputProblem> checkEnum(GraphQLEnumType enumeration, Value<?> value, List<Object> path) {
        try {
            enumeration.parseLiteral(value, GraphQLContext.getDefault(), Locale.ENGLISH);
            return Optional.empty();
        } catch (CoercingParseLiteralException refused) {
            return Optional.of(InputProblem.refusedByEnum(enumeration, path));
        }
    }
}
