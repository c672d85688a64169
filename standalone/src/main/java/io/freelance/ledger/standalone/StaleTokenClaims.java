package io.freelance.ledger.standalone;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Releases the event processors' claims left by a process that was killed. The H2 event-store file is
 * locked by one process at a time, so at start-up every claim in it belongs to a process that is gone;
 * without this the processors would wait for those claims to time out (about 10 s) while mutations
 * waited for them. Runs once the schema exists (after the entity manager factory) and before the
 * processors start.
 */
final class StaleTokenClaims implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StaleTokenClaims.class);

    private final DataSource dataSource;

    StaleTokenClaims(DataSource dataSource, EntityManagerFactory schemaReady) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        int released = new JdbcTemplate(dataSource).update("UPDATE token_entry SET owner = NULL WHERE owner IS NOT NULL");
        if (released > 0) {
            log.info("Released {} event processor claim(s) left by a previous process", released);
        }
    }
}
