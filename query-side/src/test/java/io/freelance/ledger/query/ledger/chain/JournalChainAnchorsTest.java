package io.freelance.ledger.query.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JournalChainAnchorsTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T10:00:00Z"));
    private final JournalChain chain = new JournalChain(mongo.database("anchors-test"), "chain", RecordedLinks.NONE, clock);

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void theHeadAtTheEndOfEachDayIsKeptWhenALaterDayAppends() {
        chain.append(link(1));
        clock.now = Instant.parse("2026-11-02T23:59:00Z");
        chain.append(link(2));
        clock.now = Instant.parse("2026-11-04T08:00:00Z");
        chain.append(link(3));
        clock.now = Instant.parse("2026-11-05T08:00:00Z");
        chain.append(link(4));

        assertThat(chain.anchors(null, 10)).containsExactly(
                new ChainAnchor(3, "entry-3", hash(3), Instant.parse("2026-11-05T00:00:00Z")),
                new ChainAnchor(2, "entry-2", hash(2), Instant.parse("2026-11-03T00:00:00Z")));
        assertThat(chain.anchors(LocalDate.parse("2026-11-04"), 10)).extracting(ChainAnchor::sequence).containsExactly(2L);
        assertThat(chain.head().sequence()).isEqualTo(4);
    }

    @Test
    void anAppendOnTheSameDayKeepsNoAnchor() {
        chain.append(link(1));
        chain.append(link(2));

        assertThat(chain.anchors(null, 10)).isEmpty();
    }

    @Test
    void theExportIsJsonNamingTheEncodingAndTheHash() {
        ChainAnchor anchor = new ChainAnchor(3, "entry-3", hash(3), Instant.parse("2026-11-05T00:00:00Z"));

        JsonNode exported = JsonMapper.builder().build().readTree(anchor.export());

        assertThat(exported.path("sequence").asLong()).isEqualTo(3);
        assertThat(exported.path("hash").asString()).isEqualTo(hash(3));
        assertThat(exported.path("algorithm").asString()).isEqualTo("SHA-256");
        assertThat(exported.path("encoding").asString()).isEqualTo(CanonicalEntry.VERSION);
        assertThat(exported.path("anchoredAt").asString()).isEqualTo("2026-11-05T00:00:00Z");
        assertThat(anchor.export()).isEqualTo(anchor.export());
    }

    private static ChainLink link(long sequence) {
        return new ChainLink(sequence, "entry-" + sequence, new ChainedEvent("event-" + sequence, "Moved", sequence),
                sequence - 1, sequence == 1 ? CanonicalEntry.GENESIS_HASH : hash(sequence - 1), hash(sequence));
    }

    private static String hash(long sequence) {
        return Long.toHexString(sequence).repeat(64).substring(0, 64);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
