package io.freelance.ledger.query.messaging.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two query-side instances on one read store, through the real driver: a user connected to, or seen by, one
 * instance is online for the other, for as long as the rules say and no longer; without sharing, each instance
 * knows only its own.
 */
class SharedPresenceTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private static InMemoryMongo mongo;
    private MutableClock clock;
    private MongoDatabase readStore;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshStore() {
        clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        readStore = mongo.database("presence-" + System.nanoTime());
    }

    @Test
    void aUserConnectedToOneInstanceIsOnlineForAnotherUntilTwoHeartbeatsPassWithoutRenewal() {
        Presence first = instance(true);
        Presence second = instance(true);
        first.opened("connection-1", "carol");

        assertThat(second.isOnline("carol")).isTrue();
        clock.advance(HEARTBEAT.multipliedBy(2).plusSeconds(1));
        assertThat(second.isOnline("carol")).as("no heartbeat renewed it").isFalse();
        first.heartbeat();
        assertThat(second.isOnline("carol")).as("renewed by the first instance's heartbeat").isTrue();

        first.closed("connection-1");
        first.heartbeat();
        clock.advance(HEARTBEAT.multipliedBy(2).plusSeconds(1));
        assertThat(second.isOnline("carol")).as("closed, and no longer renewed").isFalse();
    }

    @Test
    void aRequestSeenByOneInstanceCountsForAnotherForTheWindow() {
        Presence first = instance(true);
        Presence second = instance(true);
        first.requestSeen("dave");

        clock.advance(WINDOW.minusSeconds(1));
        assertThat(second.isOnline("dave")).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(second.isOnline("dave")).isFalse();
    }

    @Test
    void requestsAreWrittenAtMostOnceAMinutePerUserAndInstance() {
        Presence first = instance(true);
        Presence second = instance(true);
        first.requestSeen("dave");
        clock.advance(Duration.ofSeconds(50));
        first.requestSeen("dave");

        clock.advance(WINDOW.minusSeconds(40));
        assertThat(second.isOnline("dave")).as("the second request, 50 s after the first, was not written").isFalse();
        assertThat(first.isOnline("dave")).as("the instance that saw it knows exactly").isTrue();
    }

    @Test
    void anOlderTimeNeverReplacesANewerOne() {
        Presence first = instance(true);
        Presence second = instance(true);
        first.requestSeen("erin");
        clock.set(clock.instant().minus(Duration.ofHours(1)));
        second.requestSeen("erin");
        clock.set(clock.instant().plus(Duration.ofHours(1)).plus(WINDOW.minusSeconds(1)));

        assertThat(instance(true).isOnline("erin")).isTrue();
    }

    @Test
    void withoutSharingAnInstanceKnowsOnlyItsOwnUsers() {
        Presence first = instance(false);
        Presence second = instance(false);
        first.opened("connection-1", "carol");
        first.requestSeen("dave");

        assertThat(first.isOnline("carol")).isTrue();
        assertThat(second.isOnline("carol")).isFalse();
        assertThat(second.isOnline("dave")).isFalse();
    }

    private Presence instance(boolean shared) {
        PresenceProperties properties = new PresenceProperties(WINDOW, 1_000, shared, HEARTBEAT);
        return new Presence(clock, properties, shared ? Optional.of(new SharedPresence(readStore, properties)) : Optional.empty());
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
