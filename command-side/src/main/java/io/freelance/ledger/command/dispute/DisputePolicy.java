package io.freelance.ledger.command.dispute;

import java.time.Duration;

/**
 * The dispute desk's windows: the other party's time to respond (DESIGN §4: 3 days) and the parties' time to
 * answer a handler's proposal (2 days).
 */
public record DisputePolicy(Duration responseWindow, Duration proposalAnswerWindow) {

    public static DisputePolicy defaults() {
        return new DisputePolicy(Duration.ofDays(3), Duration.ofDays(2));
    }
}
