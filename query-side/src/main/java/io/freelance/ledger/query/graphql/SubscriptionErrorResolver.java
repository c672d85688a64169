package io.freelance.ledger.query.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * What a running subscription's stream fails with, as the API's error: graphql-ws then ends the
 * subscription with an {@code error} message holding it. A refusal (access lost since the subscription
 * started, for instance) keeps its classification, field and rule; anything else is an internal error
 * with an id to quote, the details in the log. Failures before the stream exists (a refused subscription)
 * are answered by {@link ApiExceptionResolver}, as for any query.
 */
@Component
public class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown) {
        return Rejections.of(thrown)
                .map(ApiErrors::refusal)
                .orElseGet(() -> unexpected(thrown));
    }

    private static GraphQLError unexpected(Throwable thrown) {
        String incidentId = UUID.randomUUID().toString();
        log.error("Subscription failed (incident {})", incidentId, thrown);
        return ApiErrors.internal(GraphqlErrorBuilder.newError(), incidentId);
    }
}
