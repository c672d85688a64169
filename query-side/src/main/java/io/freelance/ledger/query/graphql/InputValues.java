package io.freelance.ledger.query.graphql;

import static io.freelance.ledger.query.graphql.InputProblem.append;

import graphql.GraphQLContext;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a value, as a variable's value arrives (strings, numbers, maps, lists), fits an input type, and
 * where it does not. Scalars and enums are asked through their own coercing, so the rules they enforce (a
 * Decimal's format, a date in the calendar) come through with their names; what is checked here is only
 * the shape around them: input objects, their fields, lists.
 */
final class InputValues {

    /** A value not to check: a variable, while the document is validated (variables are coerced after it). */
    static final Object NOT_CHECKED = new Object();
    /** A variable declared non-null that was given no value. */
    static final Object MISSING = new Object();

    private InputValues() {
    }

    /** The first place inside {@code value}, which stands at {@code path}, that {@code type} refuses. */
    static Optional<InputProblem> check(GraphQLInputType type, Object value, List<Object> path) {
        if (value == NOT_CHECKED) {
            return Optional.empty();
        }
        if (value == MISSING) {
            return Optional.of(InputProblem.missing(path));
        }
        if (value == null) {
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
    private static Optional<InputProblem> checkList(GraphQLInputType elementType, Object value, List<Object> path) {
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

    private static Optional<InputProblem> checkObject(GraphQLInputObjectType type, Object value, List<Object> path) {
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
}
