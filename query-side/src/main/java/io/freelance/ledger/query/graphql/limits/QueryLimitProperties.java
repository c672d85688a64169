package io.freelance.ledger.query.graphql.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.graphql.*}: how big one GraphQL request may be. A request over a limit is refused
 * before any field is resolved, so no single request can keep the service busy for everyone else.
 *
 * @param maxDepth      how deeply fields may nest; the standard introspection query GraphiQL sends
 *                      needs 13 levels, the API's own queries fewer than 10
 * @param maxAliases    how many aliased fields one request may hold: aliases are how one request asks
 *                      for the same expensive field many times
 * @param maxComplexity the most a request may cost, counted as {@link QueryCost} describes
 * @param maxRequestBytes the largest body a GraphQL request over HTTP may have ({@link RequestBodyLimit});
 *                      room for graphql-java's own limit of 1,000,000 characters in a document
 */
@ConfigurationProperties("ledger.graphql")
public record QueryLimitProperties(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("5000") int maxComplexity,
        @DefaultValue("1048576") long maxRequestBytes) {

    public QueryLimitProperties {
        if (maxDepth < 1 || maxAliases < 0 || maxComplexity < 1 || maxRequestBytes < 1) {
            throw new IllegalArgumentException("ledger.graphql: max-depth, max-complexity and max-request-bytes must be "
                    + "at least 1, max-aliases at least 0");
        }
    }
}
