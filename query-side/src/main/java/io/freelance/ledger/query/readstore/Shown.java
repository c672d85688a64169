package io.freelance.ledger.query.readstore;

/**
 * A mutation's answer as the read model shows it after the wait ({@link ReadYourWrites#awaitThenRead}):
 * {@code pending} when the wait ran out or nothing is shown yet, so a stale or missing view is never taken for
 * the result; {@code view} is then what the read model holds, possibly null.
 */
public record Shown<T>(T view, boolean pending) {
}
