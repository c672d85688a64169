package io.freelance.ledger.query.graphql.limits;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The limits of one GraphQL request, as {@link Instrumentation} beans, which Spring GraphQL adds to
 * graphql-java. In this order: the cheapest check first, so a deep or alias-heavy request is refused
 * before its cost is counted. All run before any field is resolved and before graphql-java's own
 * introspection check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryLimitProperties.class)
public class QueryLimitsConfiguration {

    @Bean
    @Order(1)
    public Instrumentation queryDepthLimit(QueryLimitProperties limits) {
        return new QueryDepthLimit(limits.maxDepth());
    }

    @Bean
    @Order(2)
    public Instrumentation queryAliasLimit(QueryLimitProperties limits) {
        return new QueryAliasLimit(limits.maxAliases());
    }

    @Bean
    @Order(3)
    public Instrumentation queryComplexityLimit(QueryLimitProperties limits) {
        return new QueryComplexityLimit(limits.maxComplexity());
    }

    /** On the GraphQL path only; after Spring Security's filters (registration's default order), so after sign-in. */
    @Bean
    public FilterRegistrationBean<RequestBodyLimit> graphQlRequestBodyLimit(QueryLimitProperties limits,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits.maxRequestBytes()));
        registration.addUrlPatterns(graphQlPath);
        return registration;
    }
}
