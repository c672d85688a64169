package io.freelance.ledger.command.dispute;

import java.time.Instant;

/** Due when the parties' time to answer proposal {@code proposalNumber} is over: unless both accepted, it lapses. */
public record ProposalDeadline(int proposalNumber, Instant dueAt) {

    public static final String NAME = "dispute-proposal";
}
