package io.freelance.ledger.query.security;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The graphql-ws handler Spring Boot would build from {@code spring.graphql.websocket.*} and
 * {@code spring.graphql.cors.*}, as a {@link ClosableGraphQlWebSocketHandler}; Spring Boot then maps it to the
 * WebSocket path instead of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.graphql.websocket.path")
public class GraphQlWebSocketConfiguration {

    @Bean
    public GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler webGraphQlHandler, GraphQlProperties properties,
                                                           GraphQlCorsProperties corsProperties,
                                                           ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
        CorsConfiguration cors = corsProperties.toCorsConfiguration();
        return new ClosableGraphQlWebSocketHandler(webGraphQlHandler, jsonConverter(customizers),
                properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive(),
                // No CORS settings: Spring GraphQL's own default, same-origin browsers only.
                cors != null ? cors : new CorsConfiguration());
    }

    /** The server's JSON converter, with the application's customizations, as Spring Boot chooses it for this handler. */
    @SuppressWarnings("unchecked")
    private static HttpMessageConverter<Object> jsonConverter(ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
        HttpMessageConverters.ServerBuilder builder = HttpMessageConverters.forServer().registerDefaults();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        for (HttpMessageConverter<?> converter : builder.build()) {
            if (converter.canRead(Map.class, MediaType.APPLICATION_JSON)) {
                return (HttpMessageConverter<Object>) converter;
            }
        }
        throw new IllegalStateException("No HTTP message converter reads JSON, which graphql-ws messages are");
    }
}
