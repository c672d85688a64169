package io.freelance.ledger.query.graphql;

public record Edge<T>(String cursor, T node) {
}
