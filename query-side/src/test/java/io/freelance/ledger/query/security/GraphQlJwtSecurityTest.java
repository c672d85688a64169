package io.freelance.ledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.testsupport.GraphQlTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * {@code ledger.security.mode=jwt}: bearer tokens whose subject is the user and whose
 * {@code ledger_role} claim is the role. The decoder is a stand-in that reads {@code user.role}
 * tokens, since checking signatures is Spring Security's part, configured by the standard properties.
 */
@SpringBootTest(classes = {GraphQlTestApplication.class, GraphQlJwtSecurityTest.FakeTokens.class},
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.banner-mode=off", "ledger.security.mode=jwt"})
class GraphQlJwtSecurityTest {

    @LocalServerPort
    private int port;

    @Test
    void theSubjectIsTheUserAndTheClaimTheRole() throws Exception {
        HttpResponse<String> response = me("Bearer carol.FREELANCER");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"carol\"").contains("\"role\":\"FREELANCER\"");
    }

    @Test
    void aTokenWithoutAKnownRoleIsForbidden() throws Exception {
        HttpResponse<String> response = me("Bearer carol.SYSTEM");

        assertThat(response.body()).contains("\"classification\":\"FORBIDDEN\"");
    }

    @Test
    void noTokenOrABadOneIsUnauthorized() throws Exception {
        assertThat(me(null).statusCode()).isEqualTo(401);
        assertThat(me("Bearer bad").statusCode()).isEqualTo(401);
        assertThat(me("Basic " + java.util.Base64.getEncoder().encodeToString("alice:alice-pass".getBytes())).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> me(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id role } }\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    static class FakeTokens {

        @Bean
        JwtDecoder fakeJwtDecoder() {
            return token -> {
                String[] parts = token.split("\\.");
                if (parts.length != 2) {
                    throw new BadJwtException("not a test token");
                }
                return Jwt.withTokenValue(token)
                        .header("alg", "none")
                        .subject(parts[0])
                        .claim("ledger_role", parts[1])
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(60))
                        .build();
            };
        }
    }
}
