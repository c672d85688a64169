package io.freelance.ledger.query.ledger.audit;

import java.time.Instant;

/** One audit started over GraphQL: who asked, how far it is, and its report once it finished. */
public final class AuditRun {

    public enum Status { RUNNING, CONSISTENT, INCONSISTENT, FAILED }

    private final String id;
    private final String requestedBy;
    private final Instant startedAt;
    private final Instant asOf;
    private final AuditProgress progress = new AuditProgress();
    private volatile AuditReport report;
    private volatile String failure;
    private volatile Instant finishedAt;

    AuditRun(String id, String requestedBy, Instant startedAt, Instant asOf) {
        this.id = id;
        this.requestedBy = requestedBy;
        this.startedAt = startedAt;
        this.asOf = asOf;
    }

    void finished(AuditReport report, Instant at) {
        this.report = report;
        this.finishedAt = at;
    }

    void failed(String failure, Instant at) {
        this.failure = failure;
        this.finishedAt = at;
    }

    public Status status() {
        if (failure != null) {
            return Status.FAILED;
        }
        if (report == null) {
            return Status.RUNNING;
        }
        return report.consistent() ? Status.CONSISTENT : Status.INCONSISTENT;
    }

    public String id() {
        return id;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant asOf() {
        return asOf;
    }

    public AuditProgress progress() {
        return progress;
    }

    /** Null while running or when it failed. */
    public AuditReport report() {
        return report;
    }

    public String failure() {
        return failure;
    }
}
