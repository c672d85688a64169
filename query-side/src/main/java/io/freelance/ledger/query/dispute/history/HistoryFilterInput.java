package io.freelance.ledger.query.dispute.history;

import java.time.OffsetDateTime;
import java.util.List;

/** The GraphQL {@code HistoryFilter} as sent; {@link HistoryFilter#of} checks it. */
public record HistoryFilterInput(List<String> eventTypes, OffsetDateTime from, OffsetDateTime to) {
}
