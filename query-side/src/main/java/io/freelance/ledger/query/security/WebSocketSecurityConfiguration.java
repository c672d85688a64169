package io.freelance.ledger.query.security;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * How a GraphQL WebSocket connection signs in: with the same credentials and the same checks as an HTTP
 * request of the sign-in mode. Basic credentials are checked against the configured users; a bearer token
 * by the JWT decoder Spring Boot builds for the resource server, with the same role claim. In JWT mode a user
 * signing in here is recorded as at an HTTP request; a {@link WebSocketAdmission} bean, if any, limits connections.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketSecurityConfiguration {

    @Bean
    public ConnectionInitAuthentication connectionInitAuthentication(LedgerSecurityProperties properties,
                                                                     ObjectProvider<UserDetailsService> users,
                                                                     ObjectProvider<JwtDecoder> jwtDecoder,
                                                                     ObjectProvider<JwtSignIns> jwtSignIns,
                                                                     ObjectProvider<WebSocketAdmission> admission,
                                                                     ObjectProvider<WebSocketConnections> connections) {
        AuthenticationExtractor extractor = switch (properties.mode()) {
            case BASIC -> new BasicCredentialsExtractor();
            case JWT -> new BearerTokenAuthenticationExtractor();
        };
        AuthenticationManager manager = switch (properties.mode()) {
            case BASIC -> new ProviderManager(new DaoAuthenticationProvider(users.getObject()));
            case JWT -> new ProviderManager(jwtProvider(jwtDecoder.getObject(), properties));
        };
        JwtSignIns recorded = jwtSignIns.getIfAvailable();
        Consumer<Authentication> signIns = recorded != null ? recorded::record : authentication -> { };
        List<WebSocketConnections> listeners = connections.orderedStream().toList();
        return new ConnectionInitAuthentication(new AuthenticationWebSocketInterceptor(extractor, manager), signIns,
                admission.getIfAvailable(() -> WebSocketAdmission.UNLIMITED), listeners);
    }

    private static JwtAuthenticationProvider jwtProvider(JwtDecoder decoder, LedgerSecurityProperties properties) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new JwtRoleConverter(properties.jwt().roleClaim()));
        return provider;
    }
}
