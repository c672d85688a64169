package io.freelance.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.freelance.ledger.query.testsupport.TestIdentityProvider;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link QuerySideApplication} with its own {@code query-side.yml}, started the way the distributed
 * mode starts it: {@code ledger.mongo.uri} points at a MongoDB (here an in-process wire-protocol
 * server) and callers sign in with JWTs from the identity provider named by
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. An in-memory H2 database stands in for PostgreSQL and Axon's embedded event store for
 * Axon Server, so this runs without Docker.
 */
class QuerySideApplicationStartupTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestIdentityProvider IDENTITY_PROVIDER = new TestIdentityProvider();
    private static final String TEST_SUPPORT_PACKAGE = TestIdentityProvider.class.getPackageName() + ".";

    private static MongoServer mongo;
    private static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void start() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress mongoAddress = mongo.getLocalAddress();
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side")
                .initializers(QuerySideApplicationStartupTest::leaveOutTestConfigurations)
                .run("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:h2:mem:query-side-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--axon.axonserver.enabled=false",
                        "--ledger.mongo.uri=mongodb://127.0.0.1:" + mongoAddress.getPort(),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + IDENTITY_PROVIDER.issuerUri());
    }

    /**
     * The application scans {@code io.freelance.ledger.query}, where this module's test configurations
     * live too ({@code testsupport}); the production jar has none, so none may join this context.
     * {@code @SpringBootApplication}'s scan asks every {@link TypeExcludeFilter} bean what to skip.
     */
    private static void leaveOutTestConfigurations(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("leaveOutTestConfigurations", new TypeExcludeFilter() {
            @Override
            public boolean match(MetadataReader reader, MetadataReaderFactory readerFactory) {
                return reader.getClassMetadata().getClassName().startsWith(TEST_SUPPORT_PACKAGE);
            }
        });
    }

    /** The server's Netty threads are not daemons: left running, they keep the test JVM alive. */
    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        IDENTITY_PROVIDER.close();
    }

    @Test
    void readsQuerySideYml() {
        assertThat(querySide.getEnvironment().getProperty("spring.application.name")).isEqualTo("ledger-query-side");
        assertThat(querySide.getEnvironment().getProperty("ledger.security.mode")).isEqualTo("jwt");
        EventProcessingConfiguration processing = querySide.getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessor("contract-projection")).get().isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.eventProcessor("ledger-projection")).get().isInstanceOf(PooledStreamingEventProcessor.class);
    }

    @Test
    void theGraphQlEndpointAnswersASignedInCaller() throws Exception {
        String token = IDENTITY_PROVIDER.token("carol", "FREELANCER");

        JsonNode me = post(token, "{ me { id role } }").path("data").path("me");
        JsonNode contracts = post(token, "{ contracts(first: 10) { edges { node { id } } } }").path("data").path("contracts");

        assertThat(me.path("id").asString()).isEqualTo("carol");
        assertThat(me.path("role").asString()).isEqualTo("FREELANCER");
        assertThat(contracts.path("edges").isArray()).as("read from MongoDB: %s", contracts).isTrue();
    }

    @Test
    void theGraphQlEndpointRefusesACallerWithoutAToken() throws Exception {
        assertThat(send(null, graphQl("{ me { id role } }")).statusCode()).isEqualTo(401);
    }

    @Test
    void theHealthCheckIsOpenAndShowsTheReadStoreToASignedInCaller() throws Exception {
        HttpResponse<String> anonymous = send(null, get("/actuator/health"));
        HttpResponse<String> signedIn = send(IDENTITY_PROVIDER.token("erin", "FINANCE"), get("/actuator/health"));

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(anonymous.body()).path("status").asString()).isEqualTo("UP");
        JsonNode components = JSON.readTree(signedIn.body()).path("components");
        assertThat(components.path("mongoReadModel").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
    }

    private static JsonNode post(String token, String document) throws Exception {
        HttpResponse<String> response = send(token, graphQl(document));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("errors").isMissingNode()).as("errors in %s", body).isTrue();
        return body;
    }

    private static HttpRequest.Builder graphQl(String document) {
        return HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document))));
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private static HttpResponse<String> send(String token, HttpRequest.Builder request) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + querySide.getEnvironment().getProperty("local.server.port") + path);
    }
}
