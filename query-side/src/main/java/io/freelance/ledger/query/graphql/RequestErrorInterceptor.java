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
import io.freelance.ledger.common.LedgerError;
import java.util.List;
import java.util.Optional;
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
 * Makes every error of a response one of the API's classifications ({@link ApiErrors}), with a
 * sentence that names no Java type and shows no stack trace. Errors our resolvers and limits raise are
 * classified already; this handles what graphql-java raises itself:
 * <ul>
 *   <li>a malformed document or a value of the wrong type ({@code ValidationError},
 *   {@code InvalidSyntax}) is BAD_REQUEST; {@link InputProblemFinder} finds which field was refused and
 *   names it, with its rule;</li>
 *   <li>a document past graphql-java's parser limits (tokens, characters, nesting) is BAD_REQUEST
 *   {@value #SIZE_RULE};</li>
 *   <li>an introspection query graphql-java judges to be in bad faith is BAD_REQUEST
 *   {@value #INTROSPECTION_RULE};</li>
 *   <li>anything else is INTERNAL_ERROR with the request id the caller can quote; the details go to the log.</li>
 * </ul>
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestErrorInterceptor implements WebGraphQlInterceptor {

    /** A request refused before anything ran, when no single field can be blamed. */
    static final String RULE = "graphql.request";
    static final String INTROSPECTION_RULE = "query.introspection";
    /** Also the rule of a request body over the cap ({@code RequestBodyLimit}). */
    public static final String SIZE_RULE = "query.size";

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
        if (errors.stream().allMatch(ApiErrors::isClassified)) {
            return response;
        }
        String requestId = response.getExecutionInput().getExecutionId().toString();
        List<GraphQLError> classified = errors.stream().map(error -> classify(request, error, requestId)).toList();
        return response.transform(builder -> builder.errors(classified));
    }

    private GraphQLError classify(WebGraphQlRequest request, GraphQLError error, String requestId) {
        if (ApiErrors.isClassified(error)) {
            return error;
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax && parsingIsCancelled(request)) {
            return refused(error, LedgerError.badRequest(null, SIZE_RULE,
                    "The query is too large or too deeply nested to read; send a smaller document."));
        }
        if (isRequestError(error)) {
            return refused(error, inputProblem(request, error).map(InputProblem::asRefusal)
                    .orElseGet(() -> LedgerError.badRequest(null, RULE, safeMessage(error))));
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return refused(error, LedgerError.badRequest(null, INTROSPECTION_RULE,
                    "This introspection query asks for the schema's types more often or more deeply than a schema "
                            + "explorer needs; ask for the schema once, as GraphiQL does."));
        }
        log.error("Unclassified GraphQL error in request {} ({}): {}", requestId, error.getErrorType(), error.getMessage());
        return ApiErrors.internal(placeOf(error), requestId);
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
                return InputProblemFinder.inVariables(graphQlSource.schema(), document(request), request.getOperationName(),
                        request.getVariables());
            }
            if (isLiteralValueError(error)) {
                return InputProblemFinder.inLiterals(graphQlSource.schema(), document(request), request.getOperationName());
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

    /** graphql-java's sentence, unless it would print a value as Java sees it. */
    private static String safeMessage(GraphQLError error) {
        if (isVariableCoercionError(error) || isLiteralValueError(error)) {
            return "A value in the request does not have the type the schema gives it.";
        }
        return error.getMessage();
    }

    private static GraphQLError refused(GraphQLError error, LedgerError refusal) {
        return ApiErrors.refusal(placeOf(error), refusal);
    }

    /** Where graphql-java's error stands in the document and the response. */
    private static GraphqlErrorBuilder<?> placeOf(GraphQLError error) {
        return GraphqlErrorBuilder.newError().locations(error.getLocations()).path(error.getPath());
    }
}
