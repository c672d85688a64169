package io.freelance.ledger.query.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint needs a signed-in caller except the health check. The API is stateless (a
 * credential on every request, no session), so there is no cookie for CSRF to abuse.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class ApiSecurityConfiguration {

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, LedgerSecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated());
        switch (properties.mode()) {
            case BASIC -> http.httpBasic(Customizer.withDefaults());
            case JWT -> http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                    .jwtAuthenticationConverter(new JwtRoleConverter(properties.jwt().roleClaim()))));
        }
        return http.build();
    }
}
