package io.freelance.ledger.query.messaging.notification;

import java.time.Instant;

/** An email of the outbox, as its recipient reads it. */
public record SentEmail(String id, String recipientUserId, String to, String subject, String body, Instant sentAt,
                        EmailStatus status) {
}
