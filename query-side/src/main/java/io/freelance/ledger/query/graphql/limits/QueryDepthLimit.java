package io.freelance.ledger.query.graphql.limits;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

/** graphql-java's depth limit, refusing with a classified {@value QueryLimitErrors#DEPTH_RULE} error. */
class QueryDepthLimit extends MaxQueryDepthInstrumentation {

    QueryDepthLimit(int maxDepth) {
        super(maxDepth);
    }

    @Override
    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return QueryLimitErrors.refused(QueryLimitErrors.DEPTH_RULE,
                "The query nests fields %d levels deep; at most %d are allowed.".formatted(depth, maxDepth));
    }
}
