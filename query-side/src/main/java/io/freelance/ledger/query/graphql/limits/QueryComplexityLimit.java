package io.freelance.ledger.query.graphql.limits;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;

/** graphql-java's cost limit with the API's {@link QueryCost}, refusing with a classified {@value QueryLimitErrors#COMPLEXITY_RULE} error. */
class QueryComplexityLimit extends MaxQueryComplexityInstrumentation {

    QueryComplexityLimit(int maxComplexity) {
        super(maxComplexity, new QueryCost());
    }

    @Override
    protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
        return QueryLimitErrors.refused(QueryLimitErrors.COMPLEXITY_RULE,
                "The query costs %d; at most %d is allowed. Ask for fewer fields, smaller pages or fewer accounts at once."
                        .formatted(complexity, maxComplexity));
    }
}
