package io.freelance.ledger.query.graphql.limits;

import graphql.execution.AbortExecutionException;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.query.graphql.ApiErrors;
import java.util.List;

/**
 * A request over a limit, refused as BAD_REQUEST with the limit's rule. graphql-java answers an
 * {@link AbortExecutionException} with the errors it carries, so the caller sees this one classified
 * error instead of graphql-java's own unclassified "maximum query depth exceeded".
 */
final class QueryLimitErrors {

    static final String DEPTH_RULE = "query.depth";
    static final String ALIASES_RULE = "query.aliases";
    static final String COMPLEXITY_RULE = "query.complexity";

    private QueryLimitErrors() {
    }

    static AbortExecutionException refused(String rule, String message) {
        return new AbortExecutionException(List.of(ApiErrors.refusal(LedgerError.badRequest(null, rule, message))));
    }
}
