package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Settings the service's promises rest on, read back from the running service's own stores. */
class ServiceSettingsTest extends StandaloneTestBase {

    @Autowired
    UserDetailsService users;

    @Autowired
    H2Backend readModelBackend;

    /** H2's default would acknowledge a commit up to 500 ms before it reaches the file. */
    @Test
    void theEventStoreWritesEveryCommitToItsFileBeforeAnswering() {
        String writeDelay = new JdbcTemplate(dataSource).queryForObject(
                "SELECT DISTINCT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", String.class);

        assertThat(writeDelay).isEqualTo("0");
    }

    /** Freed space is reused at once; with the compaction task it keeps the file from growing by a chunk per commit. */
    @Test
    void theEventStoreReusesFreedSpaceAtOnce() {
        String retentionTime = new JdbcTemplate(dataSource).queryForObject(
                "SELECT DISTINCT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'RETENTION_TIME'", String.class);

        assertThat(retentionTime).isEqualTo("0");
    }

    /** A small page cache for the read-model file: pages kept for minutes would die in the old generation (see the config). */
    @Test
    void theReadModelFileKeepsASmallPageCache() {
        assertThat(readModelBackend.getMvStore().getCacheSize()).isEqualTo(EmbeddedMongoConfig.DEFAULT_READ_STORE_CACHE_MB);
    }

    /** Large objects are stored apart from their rows: slower appends and reads, and memory held until a timeout. */
    @Test
    void eventPayloadsAndTokensAreStoredInTheirRows() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        Integer largeObjectColumns = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE IN ('BINARY LARGE OBJECT', 'CHARACTER LARGE OBJECT')", Integer.class);
        String payloadType = jdbc.queryForObject("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_NAME = 'DOMAIN_EVENT_ENTRY' AND COLUMN_NAME = 'PAYLOAD'", String.class);

        assertThat(largeObjectColumns).isZero();
        assertThat(payloadType).isEqualTo("BINARY VARYING");
    }

    /**
     * An in-memory user manager is also a password service: Spring Security would re-encode the demo
     * users' passwords with bcrypt at their first sign-in and then spend tens of milliseconds of CPU on
     * every request. The configured encoding stays as it is.
     */
    @Test
    void signingInLeavesTheConfiguredPasswordEncodingAsItIs() {
        api.me(ALICE).answered();

        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
        assertThat(users.loadUserByUsername("alice").getPassword()).startsWith("{noop}");
    }
}
