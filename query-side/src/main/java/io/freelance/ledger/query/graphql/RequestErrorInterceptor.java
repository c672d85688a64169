package io.freelance.ledger.query.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes every error of a response one of the API's classifications ({@link ApiErrorType}), with a
 * sentence that names no Java type and shows no stack trace. Errors our resolvers and limits raise are
 * classified already; this handles what graphql-java raises itself:
 * <ul>
 *   <li>a malformed document or a value of the wrong type ({@code ValidationError},
 *   {@code InvalidSyntax}) is BAD_REQUEST; {@link VariableProblemFinder} and
 *   {@link LiteralProblemFinder} find which field was refused and name it, with its rule;</li>
 *   <li>a document past graphql-java's parser limits (tokens, characters, nesting) is BAD_REQUEST
 *   {@value #SIZE_RULE};</li>
 *   <li>an introspection query graphql-java judges to be in bad faith is BAD_REQUEST
 *   {@value #INTROSPECTION_RULE};</li>
 *   <li>anything else is INTERNAL_ERROR with an id the caller can quote; the details go to the log.</li>
 * </ul>
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestErrorInterceptor implements WebGraphQlInterceptor {

    /** A request refused before anything ran, when no single field can be blamed. */
    static final String RULE = "graphql.request";
    static final String INTROSPECTION_RULE = "query.introspection";
    static final String SIZE_RULE = "query.size";

    private static final Logger log = LoggerFactory.getLogger(RequestErrorInterceptor.class);

    private final GraphQlSource graphQlSource;

    public RequestErrorInterceptor(GraphQlSource graphQlSource) {
        this.graphQlSource = graphQlSource;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> classifyErrors(request, response));
    }

    private WebGraphQlResponse classifyErrors(WebGraphQlRequest request, WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().allMatch(error -> error.getErrorType() instanceof ApiErrorType)) {
            return response;
        }
        List<GraphQLError> classified = errors.stream().map(error -> classify(request, error)).toList();
        return response.transform(builder -> builder.errors(classified));
    }

    private GraphQLError classify(WebGraphQlRequest request, GraphQLError error) {
        if (error.getErrorType() instanceof ApiErrorType) {
            return error;
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax && parsingIsCancelled(request)) {
            return rebuilt(error, new ClassifiedError(ApiErrorType.BAD_REQUEST, null, SIZE_RULE,
                    "The query is too large or too deeply nested to read; send a smaller document."));
        }
        if (isRequestError(error)) {
            return asBadRequest(error, inputProblem(request, error));
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return rebuilt(error, new ClassifiedError(ApiErrorType.BAD_REQUEST, null, INTROSPECTION_RULE,
                    "This introspection query asks for the schema's types more often or more deeply than a schema "
                            + "explorer needs; ask for the schema once, as GraphiQL does."));
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unclassified GraphQL error {} ({}): {}", errorId, error.getErrorType(), error.getMessage());
        return rebuilt(error, new ClassifiedError(ApiErrorType.INTERNAL_ERROR, null, null,
                "Something went wrong on our side. Quote error " + errorId + " if you report it."));
    }

    private static boolean isRequestError(GraphQLError error) {
        return error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax;
    }

    /** The errors graphql-java raises while coercing the variables, before anything runs. */
    private static boolean isVariableCoercionError(GraphQLError error) {
        return error instanceof NonNullableValueCoercedAsNullException || error instanceof CoercingParseValueException
                || error instanceof InputMapDefinesTooManyFieldsException;
    }

    /** Validation errors whose graphql-java message prints the refused value as a syntax-tree object. */
    private static boolean isLiteralValueError(GraphQLError error) {
        return error instanceof ValidationError validation
                && (validation.getValidationErrorType() == ValidationErrorType.WrongType
                || validation.getValidationErrorType() == ValidationErrorType.BadValueForDefaultArg);
    }

    private Optional<InputProblem> inputProblem(WebGraphQlRequest request, GraphQLError error) {
        try {
            if (isVariableCoercionError(error)) {
                return VariableProblemFinder.find(graphQlSource.schema(), document(request), request.getOperationName(),
                        request.getVariables());
            }
            if (isLiteralValueError(error)) {
                return LiteralProblemFinder.find(graphQlSource.schema(), document(request), request.getOperationName());
            }
        } catch (RuntimeException unexpected) {
            // Naming the field is a courtesy: without it the caller still gets a refusal.
            log.warn("Could not tell which input value was refused in \"{}\"", error.getMessage(), unexpected);
        }
        return Optional.empty();
    }

    /**
     * graphql-java stops reading a document past its token, character and nesting limits, but reports
     * it as any other syntax error; reading it again tells the two apart by the exception's type.
     */
    private static boolean parsingIsCancelled(WebGraphQlRequest request) {
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment().document(request.getDocument())
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
            return false;
        } catch (ParseCancelledException cancelled) {
            return true;
        } catch (InvalidSyntaxException otherwise) {
            return false;
        }
    }

    private static Document document(WebGraphQlRequest request) {
        return Parser.parse(request.getDocument());
    }

    private static GraphQLError asBadRequest(GraphQLError error, Optional<InputProblem> problem) {
        if (problem.isPresent()) {
            InputProblem found = problem.get();
            return rebuilt(error, new ClassifiedError(ApiErrorType.BAD_REQUEST, found.field(), found.rule(), found.message()));
        }
        return rebuilt(error, new ClassifiedError(ApiErrorType.BAD_REQUEST, null, RULE, safeMessage(error)));
    }

    /** graphql-java's sentence, unless it would print a value as Java sees it. */
    private static String safeMessage(GraphQLError error) {
        if (isVariableCoercionError(error) || isLiteralValueError(error)) {
            return "A value in the request does not have the type the schema gives it.";
        }
        return error.getMessage();
    }

    private static GraphQLError rebuilt(GraphQLError error, ClassifiedError classified) {
        return GraphqlErrorBuilder.newError()
                .message(classified.message())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(classified.type())
                .extensions(ApiExceptionResolver.extensions(classified))
                .build();
    }
}
