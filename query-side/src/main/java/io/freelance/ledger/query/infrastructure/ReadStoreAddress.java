package io.freelance.ledger.query.infrastructure;

/** Where the read models live, as a {@code mongodb://} connection string. */
@FunctionalInterface
public interface ReadStoreAddress {

    String connectionString();
}
