package io.freelance.ledger.query.readstore;

/**
 * A read model that keeps one document per aggregate with the sequence number of the last event it
 * applied; every domain's read model implements it, so one wait serves every mutation.
 */
public interface VersionedReadModel {

    /** The aggregate type's name, as command handlers report it (the aggregate class's simple name). */
    String aggregateType();

    /** -1 when nothing of the aggregate has been applied yet. */
    long appliedVersion(String aggregateId);
}
