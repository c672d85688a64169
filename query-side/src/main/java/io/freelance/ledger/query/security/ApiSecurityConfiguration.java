package io.freelance.ledger.query.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint needs a signed-in caller except the health check and the WebSocket upgrade of GraphQL
 * subscriptions. The API is stateless (a credential on every request, no session), so there is no cookie
 * for CSRF to abuse. The upgrade passes without credentials because browsers cannot add headers to it: the
 * connection signs in with its first message instead ({@link ConnectionInitAuthentication}), and nothing
 * runs on it before. Credentials the upgrade does carry are checked here all the same (wrong ones: 401).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class ApiSecurityConfiguration {

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, LedgerSecurityProperties properties,
                                           @Value("${spring.graphql.websocket.path:/graphql}") String graphQlPath) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(GraphQlWebSocketUpgrade.matcher(graphQlPath)).permitAll()
                        .anyRequest().authenticated());
        switch (properties.mode()) {
            case BASIC -> http.httpBasic(Customizer.withDefaults());
            case JWT -> http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                    .jwtAuthenticationConverter(new JwtRoleConverter(properties.jwt().roleClaim()))));
        }
        return http.build();
    }
}
