package io.freelance.ledger.query.api;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
