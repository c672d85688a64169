package io.freelance.ledger.query.graphql.limits;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Refuses a request holding more aliased fields than allowed, counted with fragments expanded, with a
 * classified {@value QueryLimitErrors#ALIASES_RULE} error. graphql-java has no alias limit of its own;
 * its query traverser does the counting, and stops at the first alias over the limit.
 */
class QueryAliasLimit extends SimplePerformantInstrumentation {

    private final int maxAliases;

    QueryAliasLimit(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(new AliasCounter());
        return super.beginExecuteOperation(parameters, state);
    }

    private final class AliasCounter extends QueryVisitorStub {

        private int aliases;

        @Override
        public void visitField(QueryVisitorFieldEnvironment environment) {
            if (environment.getField().getAlias() != null && ++aliases > maxAliases) {
                throw QueryLimitErrors.refused(QueryLimitErrors.ALIASES_RULE,
                        "The query uses more than %d aliases; at most %d are allowed.".formatted(maxAliases, maxAliases));
            }
        }
    }
}
