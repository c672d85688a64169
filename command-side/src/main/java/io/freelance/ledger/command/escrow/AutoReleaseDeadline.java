package io.freelance.ledger.command.escrow;

import java.time.Instant;

/**
 * Due when the client has not acted on a submission for the review period. It names the submission
 * so that a deadline outliving its submission (changes requested, then resubmitted) does nothing.
 */
public record AutoReleaseDeadline(String milestoneId, int submissionNumber, Instant dueAt) {

    public static final String NAME = "milestone-auto-release";
}
