package io.freelance.ledger.query.graphql;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
