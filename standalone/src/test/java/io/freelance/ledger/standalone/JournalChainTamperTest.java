package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The journal's hash chain catches tampering behind the service's back: a stored event row edited in
 * the H2 event store while the service is down, and a journal entry edited in the read store. Both
 * are named by the finance team's verification over GraphQL.
 */
class JournalChainTamperTest {

    private static final String VERIFY = """
            query($anchor: JournalChainAnchorInput) {
              verifyJournalChain(anchor: $anchor) {
                ok entriesChecked anchorReached head { sequence hash }
                firstBreak { kind sequence entryId eventId eventPosition expectedHash storedHash differences description }
              }
            }""";

    private final Path dataDirectory = Path.of("target", "test-data", "chain-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void anEventRowAlteredInTheEventStoreIsFoundAndNamed() throws Exception {
        JsonNode anchor;
        try (ConfigurableApplicationContext service = start()) {
            LedgerApi api = api(service);
            fundAndRelease(api, "100.00");
            JsonNode verification = verify(api, null);
            assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("entriesChecked").asInt()).isEqualTo(2);
            anchor = api.call(ERIN, "{ journalChainAnchor { sequence hash export } }", Map.of())
                    .dataAt("journalChainAnchor");
        }

        StoredEvent funded = fundingEventRow();
        alterPayload(funded.position(), funded.payload().replace("100.00", "900.00").replace("-105.00", "-905.00"));

        try (ConfigurableApplicationContext service = start()) {
            JsonNode verification = verify(api(service),
                    Map.of("sequence", anchor.path("sequence").asInt(), "hash", anchor.path("hash").asString()));

            assertThat(verification.path("ok").asBoolean()).isFalse();
            assertThat(verification.path("anchorReached").asBoolean()).isFalse();
            JsonNode found = verification.path("firstBreak");
            assertThat(found.path("kind").asString()).as(found.toString()).isEqualTo("EVENT_ALTERED");
            assertThat(found.path("sequence").asInt()).isEqualTo(1);
            assertThat(found.path("eventId").asString()).isEqualTo(funded.eventId());
            assertThat(found.path("eventPosition").asLong()).isEqualTo(funded.position());
            assertThat(found.path("expectedHash").asString()).isNotEqualTo(found.path("storedHash").asString());
            assertThat(found.path("differences").toString())
                    .contains("legs[1].amount: recorded 100.00, event store now 900.00");
            assertThat(found.path("description").asString()).contains(funded.eventId()).contains("MilestoneFundedEvent");
        }
    }

    @Test
    void aJournalEntryAlteredInTheReadStoreIsFound() {
        try (ConfigurableApplicationContext service = start()) {
            LedgerApi api = api(service);
            fundAndRelease(api, "40.00");
            MongoDatabase readStore = service.getBean(MongoDatabase.class);
            Document release = readStore.getCollection("journal_entries").find(Filters.eq("sequence", 2L)).first();
            readStore.getCollection("journal_entries").updateOne(Filters.eq("_id", release.getString("_id")),
                    Updates.set("effectiveAt", new java.util.Date(0)));

            JsonNode found = verify(api, null).path("firstBreak");

            assertThat(found.path("kind").asString()).as(found.toString()).isEqualTo("ENTRY_ALTERED");
            assertThat(found.path("sequence").asInt()).isEqualTo(2);
            assertThat(found.path("entryId").asString()).isEqualTo(release.getString("_id"));
            assertThat(found.path("differences").toString()).contains("effectiveAt").contains("1970-01-01T00:00:00Z");
        }
    }

    private static void fundAndRelease(LedgerApi api, String amount) {
        JsonNode offered = api.offerFixedPrice(ALICE, unique("chain-offer"), CAROL.id(), "USD",
                List.of(milestone("Design", amount, "USD"))).dataAt("offerFixedPriceContract.contract");
        String contractId = offered.path("id").asString();
        String milestoneId = offered.path("milestones").get(0).path("id").asString();
        api.accept(CAROL, contractId).dataAt("acceptContract.contract");
        api.fund(ALICE, contractId, milestoneId, unique("chain-fund")).dataAt("fundMilestone.contract");
        api.submit(CAROL, contractId, milestoneId, "Done").dataAt("submitMilestone.contract");
        api.approve(ALICE, contractId, milestoneId, null, unique("chain-approve")).dataAt("approveMilestone.contract");
        StandaloneTestBase.eventually(() -> assertThat(verify(api, null).path("head").path("sequence").asInt()).isEqualTo(2));
    }

    private static JsonNode verify(LedgerApi api, Map<String, Object> anchor) {
        return api.call(ERIN, VERIFY, anchor == null ? Map.of() : Map.of("anchor", anchor)).dataAt("verifyJournalChain");
    }

    private record StoredEvent(long position, String eventId, String payload) {
    }

    /** The one milestone funding this fresh event store holds, as stored. */
    private StoredEvent fundingEventRow() throws SQLException {
        try (Connection connection = connect();
             ResultSet row = connection.createStatement().executeQuery("SELECT global_index, event_identifier, payload "
                     + "FROM domain_event_entry WHERE payload_type LIKE '%MilestoneFundedEvent'")) {
            assertThat(row.next()).as("a stored MilestoneFundedEvent").isTrue();
            StoredEvent event = new StoredEvent(row.getLong(1), row.getString(2), new String(row.getBytes(3), StandardCharsets.UTF_8));
            assertThat(row.next()).as("only one").isFalse();
            return event;
        }
    }

    private void alterPayload(long position, String payload) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")) {
            update.setBytes(1, payload.getBytes(StandardCharsets.UTF_8));
            update.setLong(2, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:retry:file:" + dataDirectory.resolve("event-store"), "ledger", "");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory,
                "--server.port=0");
    }

    private static LedgerApi api(ConfigurableApplicationContext context) {
        return new LedgerApi("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
