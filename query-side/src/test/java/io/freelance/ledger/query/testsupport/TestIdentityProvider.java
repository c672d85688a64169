package io.freelance.ledger.query.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenID identity provider in miniature, on a loopback port. It publishes a discovery document and
 * its RSA public key as a JWK set, and signs RS256 tokens whose subject is the user id and whose
 * {@code ledger_role} claim is the role. The service finds it as production finds its identity
 * provider: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (docker compose's
 * {@code LEDGER_JWT_ISSUER_URI}). Close it when done.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String ROLE_CLAIM = "ledger_role";
    private static final String REALM_PATH = "/realms/ledger";
    private static final String KEY_ID = "ledger-test-key";
    private static final int KEY_SIZE_BITS = 2048;
    private static final Duration VALIDITY = Duration.ofMinutes(5);

    private final RSAKey signingKey;
    /** A forger's key: another key pair under the same key id, so only the signature can tell. */
    private final RSAKey untrustedKey;
    private final HttpServer server;
    private final String issuer;

    public TestIdentityProvider() {
        try {
            signingKey = new RSAKeyGenerator(KEY_SIZE_BITS).keyID(KEY_ID).generate();
            untrustedKey = new RSAKeyGenerator(KEY_SIZE_BITS).keyID(KEY_ID).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the test keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        String jwkSetPath = REALM_PATH + "/protocol/openid-connect/certs";
        serveJson(REALM_PATH + "/.well-known/openid-configuration", JsonMapper.builder().build().writeValueAsString(Map.of(
                "issuer", issuer,
                "jwks_uri", "http://127.0.0.1:" + server.getAddress().getPort() + jwkSetPath,
                "subject_types_supported", List.of("public"),
                "response_types_supported", List.of("code"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        serveJson(jwkSetPath, new JWKSet(signingKey.toPublicJWK()).toString());
        server.start();
    }

    public String issuerUri() {
        return issuer;
    }

    /** A token valid for the next few minutes; {@code role} may be a string, a list, or null for no claim. */
    public String token(String subject, Object role) {
        return sign(claims(subject, role).build());
    }

    /** This provider's claims for the user, valid for the next few minutes, to adjust before signing. */
    public JWTClaimsSet.Builder claims(String subject, Object role) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)));
        if (role != null) {
            claims.claim(ROLE_CLAIM, role);
        }
        return claims;
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    /** Signed by a key this provider does not publish, under the key id it does. */
    public String signWithAnotherKey(JWTClaimsSet claims) {
        return sign(claims, untrustedKey);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the test token", e);
        }
        return jwt.serialize();
    }

    private void serveJson(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
