package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.query.messaging.RoomProjection;
import io.freelance.ledger.query.messaging.RoomReadModel;
import io.freelance.ledger.query.messaging.live.Presence;
import io.freelance.ledger.query.messaging.notification.EmailOutbox;
import io.freelance.ledger.query.messaging.notification.SentEmail;
import io.freelance.ledger.query.messaging.unread.UnreadBatches;
import io.freelance.ledger.query.messaging.unread.UnreadEmailCheck;
import io.freelance.ledger.query.messaging.unread.UnreadEmailProperties;
import io.freelance.ledger.query.messaging.unread.UnreadEmailSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The offline email about unread messages, on the service's clock: one email per recipient for what waited
 * unread past {@code ledger.messaging.email.unread-delay} while they were away, none for what they read, none while
 * they are online, and never a second one about the same messages (a repeated check, a restart, a replay).
 * Each test stands weeks after the others, past {@code unread-max-age}, so their messages never mix.
 */
class UnreadMessageEmailTest extends StandaloneTestBase {

    private static final Instant BASE = Instant.parse("2032-03-01T09:00:00Z");

    @Autowired
    UnreadEmailCheck check;
    @Autowired
    UnreadBatches batches;
    @Autowired
    Presence presence;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventProcessingConfiguration processors;
    @Autowired
    Clock serviceClock;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    UnreadEmailProperties properties;
    @Autowired
    RoomReadModel rooms;

    private MessagingApi messaging;

    @BeforeEach
    void messagingApi() {
        messaging = new MessagingApi(api);
    }

    @Test
    void threeMessagesToAnAbsentRecipientMakeOneEmailAndOnlyNewerOnesASecond() {
        Instant start = BASE;
        try (ServiceClock clock = new ServiceClock().at(start)) {
            String launch = groupRoom("Launch plan", List.of("bob", "dave"));
            String budget = groupRoom("Budget", List.of("bob"));
            post(clock, start.plusSeconds(60), launch, "m1", "The draft is in the shared folder.");
            post(clock, start.plusSeconds(120), launch, "m2", "Can you review section two?");
            post(clock, start.plusSeconds(180), budget, "m3", "The budget needs your sign-off.");

            clock.at(start.plus(properties.unreadDelay()));
            checkDecidesNothing();
            assertThat(emailsAbout(BOB, launch)).as("not yet due").isEmpty();

            clock.at(start.plusSeconds(180).plus(properties.unreadDelay()));
            check.check();
            eventually(() -> assertThat(emailsAbout(BOB, launch)).hasSize(1));
            SentEmail first = emailsAbout(BOB, launch).get(0);
            assertThat(first.subject()).isEqualTo("3 unread messages from alice");
            assertThat(first.body()).contains("The draft is in the shared folder.", "Can you review section two?",
                    "The budget needs your sign-off.", "/rooms/" + launch, "/rooms/" + budget, "In Launch plan:", "In Budget:");
            assertThat(first.to()).isEqualTo("bob@example.com");
            eventually(() -> assertThat(emailsAbout(DAVE, launch)).hasSize(1));
            eventually(() -> assertThat(SmtpCatcher.bodiesTo("bob@example.com", "/rooms/" + launch)).isNotEmpty());
            assertThat(SmtpCatcher.bodiesTo("bob@example.com", "/rooms/" + launch)).as("one email over SMTP for three messages")
                    .singleElement().asString().contains("The draft is in the shared folder.", "Can you review section two?",
                            "The budget needs your sign-off.");

            checkDecidesNothing();
            restartedCheck();

            Instant later = start.plus(Duration.ofHours(1));
            post(clock, later, launch, "m4", "Never mind, I reviewed it myself.");
            clock.at(later.plus(properties.unreadDelay()));
            check.check();
            eventually(() -> assertThat(emailsAbout(BOB, launch)).hasSize(2));
            SentEmail second = emailsAbout(BOB, launch).get(0);
            assertThat(second.subject()).isEqualTo("1 unread message from alice");
            assertThat(second.body()).contains("Never mind, I reviewed it myself.").doesNotContain("The draft", "budget");
            eventually(() -> assertThat(SmtpCatcher.bodiesTo("bob@example.com", "/rooms/" + launch))
                    .as("over SMTP: the first, then the newer one")
                    .hasSize(2).last().asString().contains("Never mind, I reviewed it myself.").doesNotContain("The draft"));
        }
    }

    @Test
    void nothingIsEmailedAboutMessagesReadOrRemovedInTime() {
        Instant start = BASE.plus(Duration.ofDays(30));
        try (ServiceClock clock = new ServiceClock().at(start)) {
            String room = groupRoom("Read in time", List.of("dave"));
            post(clock, start.plusSeconds(60), room, "r1", "Read me soon.");
            post(clock, start.plusSeconds(90), room, "r2", "Oops, wrong room.");
            messaging.remove(ALICE, room, "r2").answered();
            clock.at(start.plus(Duration.ofMinutes(5)));
            messaging.markRead(DAVE, room, 1).answered();

            clock.at(start.plus(Duration.ofHours(2)));
            assertThat(presence.isOnline(DAVE.id())).isFalse();
            checkDecidesNothing();
            assertThat(emailsAbout(DAVE, room)).isEmpty();
            assertThat(SmtpCatcher.bodiesTo("dave@example.com", "/rooms/" + room)).as("nothing over SMTP").isEmpty();
        }
    }

    @Test
    void nothingIsEmailedWhileTheRecipientIsOnlineAndTheBatchGoesOnceTheyLeave() {
        Instant start = BASE.plus(Duration.ofDays(60));
        try (ServiceClock clock = new ServiceClock().at(start)) {
            String room = groupRoom("Online", List.of("dave"));
            post(clock, start.plusSeconds(60), room, "o1", "Are you there?");
            clock.at(start.plus(Duration.ofHours(1)));

            try (GraphQlWsClient dave = GraphQlWsClient.open(port).signIn(DAVE)) {
                assertThat(presence.isOnline(DAVE.id())).isTrue();
                checkDecidesNothing();
                api.me(DAVE).answered();
            }
            eventually(() -> assertThat(presence.isOnline(DAVE.id())).as("disconnected, but a request moments ago").isTrue());
            checkDecidesNothing();
            assertThat(emailsAbout(DAVE, room)).as("a recent request counts as online").isEmpty();

            clock.at(start.plus(Duration.ofHours(2)));
            eventually(() -> assertThat(presence.isOnline(DAVE.id())).as("connection closed, request long ago").isFalse());
            check.check();
            eventually(() -> assertThat(emailsAbout(DAVE, room)).hasSize(1));
        }
    }

    @Test
    void aReplayEmailsNothingAgain() {
        Instant start = BASE.plus(Duration.ofDays(90));
        try (ServiceClock clock = new ServiceClock().at(start)) {
            String room = groupRoom("Replay", List.of("dave"));
            post(clock, start.plusSeconds(60), room, "p1", "Before the replay.");
            clock.at(start.plus(Duration.ofHours(1)));
            check.check();
            eventually(() -> assertThat(emailsAbout(DAVE, room)).hasSize(1));
            int allOfDave = outbox.newestFirst(DAVE.id(), null, 1_000).size();

            StreamingEventProcessor sender = processor(UnreadEmailSender.PROCESSING_GROUP);
            sender.shutDown();
            assertThatThrownBy(sender::resetTokens).as("every sending handler is @DisallowReplay")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not support a reset");
            sender.start();

            long eventsBefore = storedEventCount();
            StreamingEventProcessor roomProjection = processor(RoomProjection.PROCESSING_GROUP);
            roomProjection.shutDown();
            roomProjection.resetTokens();
            roomProjection.start();
            check.check();
            eventually(() -> {
                assertThat(rooms.findById(room)).as("rebuilt").isPresent();
                assertThat(roomProjection.isReplaying()).isFalse();
            });
            restartedCheck();
            assertThat(storedEventCount()).as("no decision during or after the rebuild").isEqualTo(eventsBefore);
            assertThat(outbox.newestFirst(DAVE.id(), null, 1_000)).hasSize(allOfDave);

            post(clock, start.plus(Duration.ofHours(2)), room, "p2", "After the replay.");
            clock.at(start.plus(Duration.ofHours(3)));
            check.check();
            eventually(() -> assertThat(emailsAbout(DAVE, room)).hasSize(2));
            assertThat(outbox.newestFirst(DAVE.id(), null, 1_000)).as("only the new email").hasSize(allOfDave + 1);
            assertThat(emailsAbout(DAVE, room).get(0).body()).contains("After the replay.").doesNotContain("Before the replay.");
            eventually(() -> assertThat(SmtpCatcher.bodiesTo("dave@example.com", "/rooms/" + room))
                    .as("over SMTP: once before the replay, once after").hasSize(2));
        }
    }

    private StreamingEventProcessor processor(String processingGroup) {
        return processors.eventProcessor(processingGroup, StreamingEventProcessor.class).orElseThrow();
    }

    /** The check sends no command that records anything: no decision, so no email can follow. */
    private void checkDecidesNothing() {
        long before = storedEventCount();
        check.check();
        assertThat(storedEventCount()).isEqualTo(before);
    }

    /** As after a restart: a check that remembers nothing of what it asked before. */
    private void restartedCheck() {
        long before = storedEventCount();
        new UnreadEmailCheck(batches, presence, commandGateway, processors, serviceClock).check();
        assertThat(storedEventCount()).as("a fresh check decides nothing already decided").isEqualTo(before);
    }

    private void post(ServiceClock clock, Instant at, String roomId, String storyId, String text) {
        clock.at(at);
        messaging.post(ALICE, roomId, storyId, text).answered();
    }

    private String groupRoom(String topic, List<String> members) {
        return messaging.createGroup(ALICE, unique("unread"), topic, members).dataAt("createRoom.room.id").asString();
    }

    /** The emails to the user that link to the room, newest first. */
    private List<SentEmail> emailsAbout(DemoUser user, String roomId) {
        return outbox.newestFirst(user.id(), null, 1_000).stream().map(EmailOutbox.Listed::email)
                .filter(email -> email.body().contains("/rooms/" + roomId))
                .toList();
    }
}
