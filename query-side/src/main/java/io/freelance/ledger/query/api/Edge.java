package io.freelance.ledger.query.api;

public record Edge<T>(String cursor, T node) {
}
