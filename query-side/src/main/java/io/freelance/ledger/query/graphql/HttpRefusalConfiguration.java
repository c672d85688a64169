package io.freelance.ledger.query.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The GraphQL endpoint answers HTTP's refusals in its own error shape ({@link HttpRefusals}). */
@Configuration(proxyBeanMethods = false)
public class HttpRefusalConfiguration {

    @Bean
    public FilterRegistrationBean<HttpRefusals> graphQlHttpRefusals(@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        FilterRegistrationBean<HttpRefusals> registration = new FilterRegistrationBean<>(new HttpRefusals());
        registration.addUrlPatterns(graphQlPath);
        return registration;
    }
}
