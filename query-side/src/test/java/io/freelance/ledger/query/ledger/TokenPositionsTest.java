package io.freelance.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class TokenPositionsTest {

    private final TokenPositions positions = new TokenPositions();

    @Test
    void aGlobalSequenceTokenIsTheEventsPosition() {
        assertThat(positions.positionOf("event-12", new GlobalSequenceTrackingToken(12))).isEqualTo(12);
    }

    @Test
    void aReplayGivesTheReplayedEventsPosition() {
        var replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(20), new GlobalSequenceTrackingToken(7));

        assertThat(positions.positionOf("event-7", replaying)).isEqualTo(7);
    }

    @Test
    void aGapAwareTokenIsRefusedBecauseItsPositionMayBeAnotherEvents() {
        // Event 78 committed after event 79: it arrives with the token of 79, its gap filled.
        GapAwareTrackingToken afterTheGapFilled = GapAwareTrackingToken.newInstance(79, List.of(78L)).advanceTo(78, 10_000);

        assertThat(afterTheGapFilled.position()).hasValue(79);
        assertThatThrownBy(() -> positions.positionOf("event-78", afterTheGapFilled))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event-78").hasMessageContaining("gap-aware");
    }
}
