package io.freelance.ledger.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.messaging.DecideUnreadEmailCommand;
import io.freelance.ledger.messaging.UnreadEmailDecidedEvent;
import io.freelance.ledger.messaging.UnreadRange;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One email per batch of unread messages, and never two about the same message. */
class UnreadEmailNoticesTest {

    private static final String RECIPIENT = "carol";
    private static final String NOTICES = UnreadEmailDecidedEvent.noticesIdOf(RECIPIENT);
    private static final Instant NOW = Instant.parse("2026-12-01T10:15:00Z");
    private static final UnreadRange ROOM_A_1_TO_3 = new UnreadRange("room-a", 1, 3);
    private static final UnreadRange ROOM_B_4_TO_4 = new UnreadRange("room-b", 4, 4);

    private AggregateTestFixture<UnreadEmailNotices> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(UnreadEmailNotices.class);
    }

    private static UnreadEmailDecidedEvent decided(List<UnreadRange> ranges) {
        return new UnreadEmailDecidedEvent(NOTICES, RECIPIENT, UnreadEmailDecidedEvent.emailIdOf(RECIPIENT, ranges), ranges, NOW);
    }

    @Test
    void theFirstBatchAcrossRoomsIsOneEmail() {
        fixture.givenCurrentTime(NOW)
                .when(DecideUnreadEmailCommand.of(RECIPIENT, List.of(ROOM_A_1_TO_3, ROOM_B_4_TO_4)))
                .expectEvents(decided(List.of(ROOM_A_1_TO_3, ROOM_B_4_TO_4)));
    }

    @Test
    void messagesAlreadyEmailedAreNotDecidedAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(decided(List.of(ROOM_A_1_TO_3, ROOM_B_4_TO_4)))
                .when(DecideUnreadEmailCommand.of(RECIPIENT, List.of(ROOM_A_1_TO_3, ROOM_B_4_TO_4)))
                .expectNoEvents();
    }

    @Test
    void aLaterBatchCoversOnlyTheNewerMessages() {
        fixture.givenCurrentTime(NOW)
                .andGiven(decided(List.of(ROOM_A_1_TO_3)))
                .when(DecideUnreadEmailCommand.of(RECIPIENT, List.of(new UnreadRange("room-a", 1, 5), ROOM_B_4_TO_4)))
                .expectEvents(decided(List.of(new UnreadRange("room-a", 4, 5), ROOM_B_4_TO_4)));
    }

    @Test
    void theEmailIdDependsOnlyOnTheRecipientAndTheMessages() {
        String once = UnreadEmailDecidedEvent.emailIdOf(RECIPIENT, List.of(ROOM_A_1_TO_3, ROOM_B_4_TO_4));
        assertThat(UnreadEmailDecidedEvent.emailIdOf(RECIPIENT, List.of(ROOM_B_4_TO_4, ROOM_A_1_TO_3))).isEqualTo(once);
        assertThat(UnreadEmailDecidedEvent.emailIdOf("dave", List.of(ROOM_A_1_TO_3, ROOM_B_4_TO_4))).isNotEqualTo(once);
        assertThat(UnreadEmailDecidedEvent.emailIdOf(RECIPIENT, List.of(ROOM_A_1_TO_3))).isNotEqualTo(once);
    }
}
