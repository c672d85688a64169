package io.freelance.ledger.standalone;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two contracts set up just before a crash so that a deadline of each is still pending when the
 * service dies: one milestone approved (its security period is running) and one submitted and never
 * approved (its automatic release is due). Both must fire after the restart, from the durable
 * deadline store alone.
 */
final class DeadlineProbes {

    private final FixedPriceFlow approved = new FixedPriceFlow("probe-security-period", DemoUser.ALICE, DemoUser.DAVE,
            "USD", new BigDecimal("321.45"));
    private final FixedPriceFlow submitted = new FixedPriceFlow("probe-auto-release", DemoUser.BOB, DemoUser.CAROL,
            "EUR", new BigDecimal("123.45"));
    private volatile Instant approvedAt;
    private volatile Instant autoReleaseAt;

    /** Runs both set-ups side by side; fails the test if the service did not acknowledge every step. */
    static DeadlineProbes setUp(LedgerApi api, RequestLog log, int phase) {
        DeadlineProbes probes = new DeadlineProbes();
        CompletableFuture<Void> approval = CompletableFuture.runAsync(() -> {
            Answer approvalAnswer = runThrough(probes.approved, FlowStep.APPROVE, api, log, phase);
            probes.approvedAt = Instant.now();
            requireStatus(approvalAnswer, FlowStep.APPROVE, "RELEASED");
        });
        CompletableFuture<Void> submission = CompletableFuture.runAsync(() -> {
            Answer submissionAnswer = runThrough(probes.submitted, FlowStep.SUBMIT, api, log, phase);
            requireStatus(submissionAnswer, FlowStep.SUBMIT, "SUBMITTED");
            probes.autoReleaseAt = Instant.parse(submissionAnswer.contract(FlowStep.SUBMIT.mutation())
                    .path("milestones").path(0).path("autoReleaseAt").asString());
        });
        try {
            CompletableFuture.allOf(approval, submission).join();
        } catch (CompletionException failed) {
            // The set-up's own assertion, not its wrapper, says what the service did.
            if (failed.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw failed;
        }
        return probes;
    }

    private static Answer runThrough(FixedPriceFlow flow, FlowStep last, LedgerApi api, RequestLog log, int phase) {
        Answer answer = null;
        for (FlowStep step : FlowStep.values()) {
            if (step.compareTo(last) > 0) {
                break;
            }
            answer = log.perform(flow, step, api, RequestLog.Attempt.LOAD, phase);
            if (!answer.acknowledged()) {
                throw new AssertionError("Setting up " + flow.name() + ": " + step + " was not acknowledged: " + answer);
            }
        }
        return answer;
    }

    private static void requireStatus(Answer answer, FlowStep step, String milestoneStatus) {
        String status = answer.contract(step.mutation()).path("milestones").path(0).path("status").asString();
        if (!milestoneStatus.equals(status)) {
            throw new AssertionError("Setting up a deadline probe: milestone is " + status + " after " + step);
        }
    }

    /** Released before the crash; its money becomes available when its security period ends. */
    FixedPriceFlow approved() {
        return approved;
    }

    /** Submitted before the crash; released by nobody but the automatic-release deadline. */
    FixedPriceFlow submitted() {
        return submitted;
    }

    Instant approvedAt() {
        return approvedAt;
    }

    Instant autoReleaseAt() {
        return autoReleaseAt;
    }

    List<FixedPriceFlow> both() {
        return List.of(approved, submitted);
    }
}
